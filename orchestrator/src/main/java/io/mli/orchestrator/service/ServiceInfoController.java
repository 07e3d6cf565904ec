package io.mli.orchestrator.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.servicekit.agent.BackgroundLoad;
import io.mli.servicekit.agent.HttpBrandAgent;
import io.mli.servicekit.config.KnowledgeBaseSource;
import io.mli.servicekit.web.ServiceHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /} (what this fleet is: version, methods, agents and their health, knowledge base) and /health. */
@RestController
class ServiceInfoController {
    private static final Duration HEALTH_TIMEOUT = Duration.ofMillis(500);
    private final BackgroundLoad<Fleet> fleet;
    private final KnowledgeBaseSource kb;
    private final String version;

    ServiceInfoController(BackgroundLoad<Fleet> fleet, KnowledgeBaseSource kb, ObjectProvider<BuildProperties> build) {
        this.fleet = fleet;
        this.kb = kb;
        BuildProperties b = build.getIfAvailable();
        this.version = b == null ? "dev" : b.getVersion();
    }

    /** The service's self-description. */
    record Info(
            @JsonProperty("service") String service,
            @JsonProperty("version") String version,
            @JsonProperty("status") String status,
            @JsonProperty("methods") List<String> methods,
            @JsonProperty("modes") List<String> modes,
            @JsonProperty("agents") List<HttpBrandAgent.RemoteHealth> agents,
            @JsonProperty("knowledge_base") KbInfo knowledgeBase,
            @JsonProperty("docs") String docs) {
    }

    /** The knowledge base this orchestrator serves. */
    record KbInfo(@JsonProperty("version") String version, @JsonProperty("brands") Integer brands,
                  @JsonProperty("source") String source) {
    }

    @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    Info info() {
        Fleet f = fleet.get();
        List<HttpBrandAgent.RemoteHealth> agents = new ArrayList<>();
        if (f != null) {
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<HttpBrandAgent.RemoteHealth>> checks = f.agents().values().stream()
                        .map(a -> pool.submit(() -> a.health(HEALTH_TIMEOUT))).toList();
                for (Future<HttpBrandAgent.RemoteHealth> c : checks) {
                    agents.add(c.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return new Info("orchestrator", version, f == null ? "starting: " + fleet.notReadyReason() : "up",
                Arrays.stream(Method.values()).map(Method::wire).toList(),
                Arrays.stream(Mode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList(), agents,
                new KbInfo(f == null ? null : f.kbVersion(), f == null ? null : f.kbBrands(), kb.describe()),
                "/swagger-ui.html");
    }

    @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ServiceHealth> health() {
        Fleet f = fleet.get();
        return ServiceHealth.of("orchestrator", fleet.notReadyReason(), f == null ? null : f.kbVersion());
    }
}
