package io.mli.orchestrator.service;

import io.mli.common.agent.BrandAgent;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KbLayout;
import io.mli.orchestrator.engine.Calibration;
import io.mli.orchestrator.engine.OrchestratorEngine;
import io.mli.orchestrator.engine.OrchestratorSettings;
import io.mli.servicekit.agent.AgentClients;
import io.mli.servicekit.agent.BackgroundLoad;
import io.mli.servicekit.agent.HttpBrandAgent;
import io.mli.servicekit.config.KnowledgeBaseSource;
import io.mli.servicekit.metrics.FleetMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The orchestrator engine over HTTP clients of the four agents, with each agent's time-out from configuration
 * ({@code mli.agents.<name>.timeout}; the hybrid agent gets its LLM time-out when {@code LLM_PROVIDER} is set), and
 * the knowledge base (for its version) with the calibration saved beside it. Cascade escalations go to the metrics.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CascadeProperties.class)
class OrchestratorWiring {
    static final List<String> AGENTS = List.of("ner", "rag", "llm", "hybrid");

    @Bean
    BackgroundLoad<Fleet> fleet(AgentClients clients, KnowledgeBaseSource kb, FleetMetrics metrics,
                                CascadeProperties cascade) {
        return BackgroundLoad.start("orchestrator engine", () -> {
            // One snapshot: the knowledge base and its calibration come from the same (published) version.
            KnowledgeBaseSource.Snapshot snapshot = kb.snapshot();
            KnowledgeBase loaded = snapshot.kb();
            Map<String, HttpBrandAgent> http = new LinkedHashMap<>();
            Map<String, Duration> timeouts = new LinkedHashMap<>();
            for (String name : AGENTS) {
                http.put(name, clients.client(name));
                timeouts.put(name, clients.timeout(name));
            }
            OrchestratorSettings settings = new OrchestratorSettings(timeouts,
                    OrchestratorSettings.defaults().defaultTimeout(), cascade.acceptAt(), cascade.abstainBelow(),
                    cascade.abstainBelowThai());
            if (cascade.nerFirst()) {
                settings = settings.nerFirst(cascade.nerSureAt()).thaiInParallel(cascade.thaiInParallel());
            }
            Map<String, BrandAgent> agents = new LinkedHashMap<>(http);
            // The calibration fitted by `mli kb build` lives beside the knowledge base; the starter has none.
            Calibration calibration = snapshot.dir() == null ? Calibration.identity()
                    : Calibration.load(new KbLayout(snapshot.dir()).calibrationFile());
            OrchestratorEngine.Listener listener = new OrchestratorEngine.Listener() {
                @Override
                public void escalated() {
                    metrics.escalated();
                }
            };
            return new Fleet(new OrchestratorEngine(agents, settings, calibration, listener), http, loaded.version(),
                    loaded.size());
        }, null);
    }
}
