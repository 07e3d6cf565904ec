package io.mli.cli.ops;

import io.mli.common.io.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge-base version each service reports, asked through the load balancer: the orchestrator's
 * {@code GET /} ({@code knowledge_base.version}, and each agent as the orchestrator sees it) and every agent's
 * {@code GET /<agent>/health} ({@code knowledge_base}). Behind a load balancer each answer comes from one task.
 */
final class FleetKbVersions {
    static final List<String> AGENTS = List.of("ner", "rag", "llm", "hybrid");

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    FleetKbVersions(URI base, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** What a service reported: its knowledge-base version (null if none) or why it could not be asked. */
    record Report(String kbVersion, String problem) {
        String show() {
            return problem != null ? "? (" + problem + ")" : kbVersion == null ? "-" : kbVersion;
        }
    }

    /** Reports by service name ({@code orchestrator}, {@code ner}, {@code rag}, {@code llm}, {@code hybrid}). */
    Map<String, Report> read() {
        Map<String, Report> out = new LinkedHashMap<>();
        Map<String, String> seenByOrchestrator = new LinkedHashMap<>();
        try {
            JsonNode info = get("/");
            out.put("orchestrator", new Report(text(info.path("knowledge_base").path("version")), null));
            for (JsonNode a : info.path("agents")) {
                seenByOrchestrator.put(text(a.path("name")), text(a.path("knowledge_base")));
            }
        } catch (IOException e) {
            out.put("orchestrator", new Report(null, e.getMessage()));
        }
        for (String agent : AGENTS) {
            try {
                out.put(agent, new Report(text(get("/" + agent + "/health").path("knowledge_base")), null));
            } catch (IOException e) {
                String fromOrchestrator = seenByOrchestrator.get(agent);
                out.put(agent, fromOrchestrator != null ? new Report(fromOrchestrator, null)
                        : new Report(null, e.getMessage()));
            }
        }
        return out;
    }

    /** The JSON body of a GET; a 503 from /health still carries the version, so any JSON body counts. */
    private JsonNode get(String path) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (IOException e) {
            throw new IOException(path + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        }
        try {
            JsonNode node = Json.MAPPER.readTree(resp.body());
            if (node == null || !node.isObject()) {
                throw new IOException(path + ": HTTP " + resp.statusCode() + ", not JSON");
            }
            return node;
        } catch (RuntimeException e) {
            throw new IOException(path + ": HTTP " + resp.statusCode() + ", not JSON");
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asString();
    }
}
