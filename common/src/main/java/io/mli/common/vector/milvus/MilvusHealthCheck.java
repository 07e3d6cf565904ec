package io.mli.common.vector.milvus;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.FloatVec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The deployment guide's Milvus health check, behind {@code mli milvus health}: gRPC connect, {@code GET /healthz} on
 * the metrics port (9091), the collection (or alias) exists and is loaded, its row count (optionally at least an
 * expected number), and a probe search with its latency. Ends within about the timeout even when the host does not
 * answer, because every step is bounded and the whole check has a deadline.
 */
public final class MilvusHealthCheck {

    /** The outcome; {@code ok} when every check passed. Fields a failed step could not fill are null. */
    public record Result(boolean ok, String uri, String collection, boolean grpcConnected, Integer healthzStatus,
                         Boolean collectionExists, Boolean loaded, Long rows, Long expectedRows,
                         Double probeLatencyMs, Double elapsedMs, List<String> problems) {

        /** One line: "OK ..." or the first problem. */
        public String summary() {
            if (ok) {
                return "OK milvus " + uri + " collection " + collection + " loaded, " + rows + " rows, probe "
                        + String.format(java.util.Locale.ROOT, "%.1f", probeLatencyMs) + " ms";
            }
            return "FAIL milvus " + uri + ": " + String.join("; ", problems);
        }
    }

    private MilvusHealthCheck() {
    }

    /**
     * Runs every check with {@code timeout} as the connect and call deadline, and a little more for the whole.
     *
     * @param healthzPort the metrics port ({@code 9091}); negative to skip that check
     * @param expectRows  minimum row count, or null for none
     */
    public static Result check(String uri, String token, String collection, Long expectRows, int healthzPort,
                               Duration timeout) {
        long start = System.nanoTime();
        MilvusSettings settings = MilvusSettings.of(uri, token, collection)
                .withTimeouts(timeout.toMillis(), timeout.toMillis()).withMaxRetries(0);
        CompletableFuture<Integer> healthz = healthzPort < 0 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> healthz(settings, healthzPort, timeout));
        CompletableFuture<Result> grpc = CompletableFuture.supplyAsync(() -> grpc(settings, expectRows));
        Result partial;
        try {
            partial = grpc.get(timeout.toMillis() * 2 + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            grpc.cancel(true);
            partial = failed(settings, expectRows, "no answer from " + settings.endpoint() + " within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            partial = failed(settings, expectRows, "interrupted");
        } catch (ExecutionException e) {
            partial = failed(settings, expectRows, String.valueOf(e.getCause()));
        }
        Integer status;
        List<String> problems = new ArrayList<>();
        partial.problems().forEach(p -> problems.add(p.replaceAll("\\s+", " ").strip())); // one line each
        try {
            status = healthz.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            status = null;
        }
        if (healthzPort >= 0 && (status == null || status != 200)) {
            problems.add("/healthz on port " + healthzPort + (status == null ? " did not answer" : " answered "
                    + status));
        }
        double elapsed = (System.nanoTime() - start) / 1e6;
        return new Result(problems.isEmpty(), settings.uri(), settings.collection(), partial.grpcConnected(), status,
                partial.collectionExists(), partial.loaded(), partial.rows(), expectRows, partial.probeLatencyMs(),
                elapsed, List.copyOf(problems));
    }

    private static Result failed(MilvusSettings s, Long expectRows, String problem) {
        return new Result(false, s.uri(), s.collection(), false, null, null, null, null, expectRows, null, null,
                List.of(problem));
    }

    private static Result grpc(MilvusSettings s, Long expectRows) {
        MilvusClientV2 client;
        try {
            client = MilvusConnections.open(s);
        } catch (RuntimeException e) {
            return failed(s, expectRows, e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Boolean exists = null;
        Boolean loaded = null;
        Long rows = null;
        Double probe = null;
        try {
            exists = client.hasCollection(HasCollectionReq.builder().collectionName(s.collection()).build());
            if (!exists) {
                problems.add("collection or alias '" + s.collection() + "' does not exist");
            } else {
                loaded = client.getLoadState(GetLoadStateReq.builder().collectionName(s.collection()).build());
                if (!Boolean.TRUE.equals(loaded)) {
                    problems.add("collection '" + s.collection() + "' is not loaded");
                } else {
                    var result = client.query(QueryReq.builder().collectionName(s.collection()).filter("")
                            .outputFields(List.of("count(*)")).consistencyLevel(ConsistencyLevel.BOUNDED).build())
                            .getQueryResults();
                    rows = result.isEmpty() ? 0L
                            : ((Number) result.getFirst().getEntity().get("count(*)")).longValue();
                    if (expectRows != null && rows < expectRows) {
                        problems.add("collection '" + s.collection() + "' has " + rows + " rows, expected at least "
                                + expectRows);
                    }
                    probe = probe(client, s);
                }
            }
        } catch (RuntimeException e) {
            problems.add(MilvusConnections.rootMessage(e));
        } finally {
            client.close();
        }
        return new Result(problems.isEmpty(), s.uri(), s.collection(), true, null, exists, loaded, rows, expectRows,
                probe, null, problems);
    }

    /** Times a one-hit vector search with a unit probe vector of the collection's dimension. */
    private static double probe(MilvusClientV2 client, MilvusSettings s) {
        DescribeCollectionResp d = client.describeCollection(DescribeCollectionReq.builder()
                .collectionName(s.collection()).build());
        var field = d.getCollectionSchema().getField(MilvusSchema.VECTOR);
        if (field == null || field.getDimension() == null) {
            throw new IllegalStateException("collection '" + s.collection() + "' has no '" + MilvusSchema.VECTOR
                    + "' field");
        }
        float[] v = new float[field.getDimension()];
        v[0] = 1f;
        long t0 = System.nanoTime();
        client.search(SearchReq.builder().collectionName(s.collection()).annsField(MilvusSchema.VECTOR)
                .data(List.of(new FloatVec(v))).limit(1).searchParams(Map.of("ef", 16))
                .outputFields(List.of(MilvusSchema.ID)).build());
        return (System.nanoTime() - t0) / 1e6;
    }

    private static Integer healthz(MilvusSettings s, int port, Duration timeout) {
        String host = URI.create(s.uri().contains("://") ? s.uri() : "http://" + s.uri()).getHost();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + port
                    + "/healthz")).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
