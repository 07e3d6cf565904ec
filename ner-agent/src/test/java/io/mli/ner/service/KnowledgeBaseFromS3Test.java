package io.mli.ner.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.mli.common.io.Json;
import io.mli.common.kb.KbPublisher;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseStore;
import io.mli.common.kb.StarterKnowledgeBase;
import io.mli.common.store.ObjectStore;
import io.mli.common.store.S3ObjectStore;
import io.mli.servicekit.ServiceLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The ner-agent service with {@code MLI_KB_URI=s3://...} (S3Mock in this JVM): it loads the published version at
 * start, and after {@code mli kb publish} moves {@code current} it serves the new one without a restart.
 */
class KnowledgeBaseFromS3Test {
    // S3Mock is a Boot app in this JVM and would otherwise pick up our auto-configurations (and AWS's).
    @RegisterExtension
    static final S3MockExtension S3 = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("models")
            .withProperty("spring.autoconfigure.exclude", String.join(",",
                    "io.mli.servicekit.config.ServiceKitAutoConfiguration",
                    "io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration",
                    "io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration",
                    "io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration",
                    "io.awspring.cloud.autoconfigure.imds.ImdsAutoConfiguration",
                    "io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration",
                    "io.awspring.cloud.autoconfigure.s3.S3AutoConfiguration"))
            .build();

    @TempDir
    Path tmp;

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    String publish(ObjectStore store, String version, String at) throws Exception {
        Path dir = tmp.resolve("build-" + version);
        KnowledgeBase s = StarterKnowledgeBase.get();
        KnowledgeBaseStore.save(new KnowledgeBase(version, s.brands(), s.allAliases(), Map.of()), dir);
        return new KbPublisher(store, Clock.fixed(Instant.parse(at), ZoneOffset.UTC), l -> { }).publish(dir)
                .versionPath();
    }

    @Test
    void loadsThePublishedVersionAndFollowsANewOne() throws Exception {
        ObjectStore store = new S3ObjectStore(S3ObjectStore.client(Optional.of(URI.create(S3.getServiceEndpoint())),
                Map.of()), "models", "fleet/kb");
        publish(store, "kb-v1", "2026-11-26T09:00:00Z");

        try (ConfigurableApplicationContext ctx = ServiceLauncher.builder(NerAgentApplication.class,
                NerAgentApplication.SERVICE).run("--server.port=0", "--logging.structured.format.console=",
                "--spring.jmx.enabled=false", "--mli.kb-uri=s3://models/fleet/kb",
                "--mli.kb-endpoint-url=" + S3.getServiceEndpoint(), "--mli.kb-cache-dir=" + tmp.resolve("cache"),
                "--mli.kb-poll-interval=200ms")) {
            String url = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port");
            awaitKb(url, "kb-v1");

            publish(store, "kb-v2", "2026-11-26T10:00:00Z");
            awaitKb(url, "kb-v2");
            JsonNode health = health(url);
            assertThat(health.path("status").asString()).isEqualTo("UP");
        }
    }

    static JsonNode health(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/ner/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Json.MAPPER.readTree(r.body());
        }
    }

    static void awaitKb(String url, String version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            JsonNode h = health(url);
            last = h.toString();
            if ("UP".equals(h.path("status").asString()) && version.equals(h.path("knowledge_base").asString())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service never served " + version + "; last health: " + last);
    }
}
