package io.mli.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mli.common.api.BatchResponse;
import io.mli.common.api.InferenceResponse;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.domain.Span;
import io.mli.common.io.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The fleet client against a stand-in server speaking the public API's JSON. */
class FleetClientTest {
    HttpServer server;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<String> apiKeys = new CopyOnWriteArrayList<>();

    static final BrandGuess EUCERIN = new BrandGuess("eucerin", "Eucerin", List.of("Eucerin", "ยูเซอริน"), 0.91,
            List.of(new Evidence("gazetteer", new Span(0, 7, "Eucerin"), "Eucerin", 0.9)));

    static InferenceResponse answer(String title) {
        AgentAnswer ner = AgentAnswer.ok("ner", EUCERIN, List.of(), null, "gazetteer").withLatency(1.5);
        AgentAnswer llm = AgentAnswer.failed("llm", AgentStatus.UNAVAILABLE, "no provider");
        return InferenceResponse.from("rid", new InferenceResult(title, "en", Method.ORCHESTRATOR, Mode.CASCADE,
                EUCERIN, null, List.of(), null, List.of("ner"), List.of(new Span(0, 7, "Eucerin")),
                List.of(ner, llm), 2.5));
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/inference", ex -> {
            JsonNode body = read(ex);
            reply(ex, 200, Json.MAPPER.writeValueAsBytes(answer(body.get("product_name").asString())));
        });
        server.createContext("/inference/batch", ex -> {
            JsonNode body = read(ex);
            List<BatchResponse.ItemResult> results = new ArrayList<>();
            JsonNode items = body.get("items");
            for (int i = 0; i < items.size(); i++) {
                String title = items.get(i).get("product_name").asString();
                results.add(title.isBlank()
                        ? new BatchResponse.ItemResult(i, items.get(i).get("id").asString(), null,
                                new BatchResponse.Problem(400, "Bad Request", "items[" + i + "].product_name is blank"))
                        : new BatchResponse.ItemResult(i, items.get(i).get("id").asString(), answer(title), null));
            }
            reply(ex, 200, Json.MAPPER.writeValueAsBytes(new BatchResponse("rid", results.size(), 0, results, 1)));
        });
        server.start();
    }

    private JsonNode read(HttpExchange ex) throws IOException {
        apiKeys.add(String.valueOf(ex.getRequestHeaders().getFirst("X-Api-Key")));
        JsonNode body = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
        received.add(body);
        return body;
    }

    private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private FleetClient client(String key) {
        return new FleetClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), key,
                Duration.ofSeconds(10));
    }

    @Test
    void oneTitleComesBackAsTheDomainResult() throws IOException {
        InferenceResult r = client("secret").infer(InferenceRequest.of("Eucerin lotion"), Method.NER, Mode.ALL);
        assertThat(r.brand().name()).isEqualTo("Eucerin");
        assertThat(r.brand().id()).isEqualTo("eucerin");
        assertThat(r.brand().score()).isEqualTo(0.91);
        assertThat(r.brand().evidence()).extracting(Evidence::source).containsExactly("gazetteer");
        assertThat(r.agreedAgents()).containsExactly("ner");
        assertThat(r.spans()).containsExactly(new Span(0, 7, "Eucerin"));
        assertThat(r.agentResults()).extracting(AgentAnswer::status)
                .containsExactly(AgentStatus.OK, AgentStatus.UNAVAILABLE);
        assertThat(r.agentResults().getFirst().latencyMs()).isEqualTo(1.5);
        JsonNode sent = received.getFirst();
        assertThat(sent.get("product_name").asString()).isEqualTo("Eucerin lotion");
        assertThat(sent.get("method").asString()).isEqualTo("ner");
        assertThat(sent.get("mode").asString()).isEqualTo("all");
        assertThat(sent.get("language_hint").asString()).isEqualTo("auto");
        assertThat(apiKeys).containsExactly("secret");
    }

    @Test
    void manyTitlesGoInChunksOfAThousandAndKeepTheirOrder() throws IOException {
        List<InferenceRequest> rows = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            rows.add(InferenceRequest.of(i == 1_500 ? " " : "title " + i));
        }
        List<FleetClient.Outcome> out = client(null).inferAll(rows, Method.ORCHESTRATOR, Mode.CASCADE);
        assertThat(received).hasSize(3);
        assertThat(received).extracting(b -> b.get("items").size()).containsExactly(1_000, 1_000, 345);
        assertThat(out).hasSize(2_345);
        assertThat(out.get(2_344).index()).isEqualTo(2_344);
        assertThat(out.get(2_344).result().productName()).isEqualTo("title 2344");
        assertThat(out.get(1_500).ok()).isFalse();
        assertThat(out.get(1_500).error()).startsWith("400").contains("blank");
        assertThat(apiKeys).containsOnly("null");
    }

    @Test
    void errorsCarryTheProblemDetail() {
        server.removeContext("/inference");
        server.createContext("/inference", ex -> reply(ex, 422,
                Json.MAPPER.writeValueAsBytes(Map.of("status", 422, "detail", "unknown mode 'x'"))));
        assertThatThrownBy(() -> client(null).infer(InferenceRequest.of("x"), Method.ORCHESTRATOR, Mode.ALL))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 422").hasMessageContaining("unknown mode");
        server.stop(0);
        assertThatThrownBy(() -> client(null).infer(InferenceRequest.of("x"), Method.ORCHESTRATOR, Mode.ALL))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot connect");
    }
}
