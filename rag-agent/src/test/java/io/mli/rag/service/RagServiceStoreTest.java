package io.mli.rag.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.io.Json;
import io.mli.servicekit.ServiceLauncher;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The RAG service names the store it uses in its health, and is not ready while Milvus cannot be reached. */
class RagServiceStoreTest {
    private static final String[] COMMON = {"--server.port=0", "--logging.structured.format.console=",
        "--spring.jmx.enabled=false"};

    private static ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[COMMON.length + extra.length];
        System.arraycopy(COMMON, 0, args, 0, COMMON.length);
        System.arraycopy(extra, 0, args, COMMON.length, extra.length);
        return ServiceLauncher.builder(RagAgentApplication.class, RagAgentApplication.SERVICE).run(args);
    }

    private static HttpResponse<String> health(ConfigurableApplicationContext ctx) throws Exception {
        String url = "http://127.0.0.1:" + ctx.getEnvironment().getProperty("local.server.port") + "/rag/health";
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonNode awaitLoaded(ConfigurableApplicationContext ctx) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = Json.MAPPER.readTree(health(ctx).body());
            String reason = last.path("reason").asString("");
            if (!reason.contains("loading")) {
                return last;
            }
            Thread.sleep(100);
        }
        return last;
    }

    @Test
    void embeddedDefaultIsLucene() throws Exception {
        try (ConfigurableApplicationContext ctx = start()) {
            JsonNode h = awaitLoaded(ctx);
            assertThat(h.path("status").asString()).isEqualTo("UP");
            assertThat(h.path("backend").asString()).startsWith("lucene");
        }
    }

    @Test
    void unreachableMilvusKeepsTheAgentNotReadyWithAClearReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free, and nothing listens once closed
        }
        try (ConfigurableApplicationContext ctx = start("--MILVUS_URI=http://127.0.0.1:" + port)) {
            JsonNode h = awaitLoaded(ctx);
            assertThat(health(ctx).statusCode()).isEqualTo(503);
            assertThat(h.path("status").asString()).isEqualTo("DOWN");
            assertThat(h.path("reason").asString()).containsIgnoringCase("milvus");
            assertThat(h.path("backend").asString()).startsWith("milvus");
        }
    }
}
