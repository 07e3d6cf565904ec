package io.mli.cli.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mli.common.api.BatchResponse;
import io.mli.common.api.InferenceResponse;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.domain.Span;
import io.mli.common.io.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for the orchestrator's public API (JDK HTTP server): every title names Eucerin, a blank one is a 400
 * item error. Records the bodies and API keys it received.
 */
final class FakeFleet implements AutoCloseable {
    static final BrandGuess EUCERIN = new BrandGuess("eucerin", "Eucerin", List.of("Eucerin", "ยูเซอริน"), 0.91,
            List.of(new Evidence("gazetteer", new Span(0, 7, "Eucerin"), "Eucerin", 0.9)));

    final HttpServer server;
    final List<JsonNode> received = new CopyOnWriteArrayList<>();
    final List<String> apiKeys = new CopyOnWriteArrayList<>();

    FakeFleet() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/inference", ex -> {
            JsonNode body = read(ex);
            reply(ex, 200, Json.MAPPER.writeValueAsBytes(answer(body.get("product_name").asString())));
        });
        server.createContext("/inference/batch", ex -> {
            JsonNode items = read(ex).get("items");
            List<BatchResponse.ItemResult> results = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String title = items.get(i).get("product_name").asString();
                String id = items.get(i).get("id").asString();
                results.add(title.isBlank()
                        ? new BatchResponse.ItemResult(i, id, null,
                                new BatchResponse.Problem(400, "Bad Request", "items[" + i + "].product_name is blank"))
                        : new BatchResponse.ItemResult(i, id, answer(title), null));
            }
            reply(ex, 200, Json.MAPPER.writeValueAsBytes(new BatchResponse("rid", results.size(), 0, results, 1)));
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static InferenceResponse answer(String title) {
        AgentAnswer ner = AgentAnswer.ok("ner", EUCERIN, List.of(), null, "gazetteer").withLatency(1.5);
        AgentAnswer llm = AgentAnswer.failed("llm", AgentStatus.UNAVAILABLE, "no provider");
        return InferenceResponse.from("rid", new InferenceResult(title, "en", Method.ORCHESTRATOR, Mode.CASCADE,
                EUCERIN, null, List.of(), null, List.of("ner"), List.of(new Span(0, 7, "Eucerin")),
                List.of(ner, llm), 2.5));
    }

    private JsonNode read(HttpExchange ex) throws IOException {
        apiKeys.add(String.valueOf(ex.getRequestHeaders().getFirst("X-Api-Key")));
        JsonNode body = Json.MAPPER.readTree(ex.getRequestBody().readAllBytes());
        received.add(body);
        return body;
    }

    static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
