package io.mli.cli.fleet;

import io.mli.common.api.BatchBody;
import io.mli.common.api.BatchResponse;
import io.mli.common.api.InferenceBody;
import io.mli.common.api.InferenceResponse;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.io.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Sends titles to a running fleet's public API ({@code mli infer --url}): one title through
 * {@code POST /inference}, many through {@code POST /inference/batch} in chunks of 1,000, answers in the rows' order
 * and in the same {@link InferenceResult} form as the in-process engines give. An item the fleet refuses is an
 * {@link Outcome} with an error, not an exception; a fleet that cannot be reached or refuses the whole request is an
 * {@link IOException} with the server's problem detail.
 */
public final class FleetClient {
    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    /** {@code apiKey} may be null (open fleet); {@code timeout} applies to each HTTP call. */
    public FleetClient(URI base, String apiKey, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A client for {@code url} using {@code MLI_API_KEY} from the environment when set, 5-minute time-out. */
    public static FleetClient of(String url) {
        return new FleetClient(URI.create(url), System.getenv("MLI_API_KEY"), Duration.ofMinutes(5));
    }

    /** Convenience: all rows through the fleet at {@code url}, in order. */
    public static List<Outcome> infer(String url, List<InferenceRequest> rows, Method method, Mode mode)
            throws IOException {
        return of(url).inferAll(rows, method, mode);
    }

    /** One row's outcome: its position and either the result or the fleet's reason for refusing it. */
    public record Outcome(int index, InferenceResult result, String error) {
        public boolean ok() {
            return result != null;
        }
    }

    /** One title. Throws with the problem detail when the fleet answers with an error status. */
    public InferenceResult infer(InferenceRequest request, Method method, Mode mode) throws IOException {
        InferenceBody body = new InferenceBody(request.title(), null, hint(request), method.wire(), mode.wire(),
                request.topK());
        JsonNode json = post("/inference", body);
        return Json.MAPPER.treeToValue(json, InferenceResponse.class).toResult();
    }

    /** Many titles, in chunks of {@value BatchBody#MAX_ITEMS}; outcomes in the rows' order. */
    public List<Outcome> inferAll(List<InferenceRequest> rows, Method method, Mode mode) throws IOException {
        List<Outcome> out = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += BatchBody.MAX_ITEMS) {
            List<InferenceRequest> chunk = rows.subList(from, Math.min(rows.size(), from + BatchBody.MAX_ITEMS));
            List<BatchBody.Item> items = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                InferenceRequest r = chunk.get(i);
                items.add(new BatchBody.Item(Integer.toString(from + i), r.title(), hint(r), r.topK()));
            }
            JsonNode json = post("/inference/batch", new BatchBody(items, null, method.wire(), mode.wire(), null));
            BatchResponse batch = Json.MAPPER.treeToValue(json, BatchResponse.class);
            for (BatchResponse.ItemResult item : batch.results()) {
                int index = from + item.index();
                out.add(item.result() != null ? new Outcome(index, item.result().toResult(), null)
                        : new Outcome(index, null, item.error() == null ? "no result"
                                : item.error().status() + " " + item.error().detail()));
            }
        }
        return out;
    }

    private static String hint(InferenceRequest r) {
        return r.languageHint().name().toLowerCase(Locale.ROOT);
    }

    private JsonNode post(String path, Object body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
        if (apiKey != null) {
            b.header("X-Api-Key", apiKey);
        }
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot connect to the fleet at " + base + " (is it running? bin/mli up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(resp.body());
        } catch (RuntimeException e) {
            throw new IOException("the fleet at " + base + " answered HTTP " + resp.statusCode()
                    + " with a body that is not JSON", e);
        }
        if (resp.statusCode() != 200) {
            String detail = json != null && json.get("detail") != null ? json.get("detail").asString() : "";
            throw new IOException("the fleet at " + base + path + " answered HTTP " + resp.statusCode()
                    + (detail.isEmpty() ? "" : ": " + detail));
        }
        return json;
    }
}
