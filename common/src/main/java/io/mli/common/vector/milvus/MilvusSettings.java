package io.mli.common.vector.milvus;

import java.util.Map;

/**
 * How to reach Milvus and how the products collection is laid out.
 *
 * @param uri                  gRPC endpoint, e.g. {@code http://milvus:19530}
 * @param token                {@code user:password} or an API key; null when auth is off
 * @param collection           the name searches use: an alias switched on rebuilds ({@code mli_products})
 * @param connectTimeoutMs     connect timeout (also bounds the health check on an unreachable host)
 * @param rpcTimeoutMs         deadline of each call
 * @param maxRetries           retries of transient gRPC errors (UNAVAILABLE, DEADLINE_EXCEEDED, rate limits)
 * @param metric               dense metric: {@code COSINE} (default), {@code IP} or {@code L2}
 * @param hnswM                HNSW max connections per node
 * @param efConstruction       HNSW build beam width
 * @param ef                   HNSW search beam width (raised to topK when smaller)
 * @param analyzerParams       the BM25 analyzer of the title: ICU by default, which segments Thai (Milvus
 *                             2.5.11+); a Milvus 3 server may use {@code {"type": "thai"}}
 * @param rrfK                 the RRF constant of hybrid search
 */
public record MilvusSettings(String uri, String token, String collection, long connectTimeoutMs, long rpcTimeoutMs,
                             int maxRetries, String metric, int hnswM, int efConstruction, int ef,
                             Map<String, Object> analyzerParams, int rrfK) {

    public static final String DEFAULT_COLLECTION = "mli_products";
    public static final Map<String, Object> ICU_ANALYZER = Map.of("tokenizer", "icu", "filter",
            java.util.List.of("lowercase"));

    public MilvusSettings {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("a Milvus URI is required (e.g. http://localhost:19530)");
        }
        collection = collection == null || collection.isBlank() ? DEFAULT_COLLECTION : collection;
        metric = metric == null ? "COSINE" : metric.toUpperCase(java.util.Locale.ROOT);
        analyzerParams = analyzerParams == null ? ICU_ANALYZER : Map.copyOf(analyzerParams);
    }

    /** Defaults for everything but the endpoint. */
    public static MilvusSettings of(String uri, String token, String collection) {
        return new MilvusSettings(uri, token, collection, 3_000, 10_000, 3, "COSINE", 16, 200, 64, null, 60);
    }

    public MilvusSettings withCollection(String name) {
        return new MilvusSettings(uri, token, name, connectTimeoutMs, rpcTimeoutMs, maxRetries, metric, hnswM,
                efConstruction, ef, analyzerParams, rrfK);
    }

    public MilvusSettings withTimeouts(long connectMs, long rpcMs) {
        return new MilvusSettings(uri, token, collection, connectMs, rpcMs, maxRetries, metric, hnswM,
                efConstruction, ef, analyzerParams, rrfK);
    }

    public MilvusSettings withHnsw(int m, int efConstruction, int ef) {
        return new MilvusSettings(uri, token, collection, connectTimeoutMs, rpcTimeoutMs, maxRetries, metric, m,
                efConstruction, ef, analyzerParams, rrfK);
    }

    public MilvusSettings withAnalyzer(Map<String, Object> params) {
        return new MilvusSettings(uri, token, collection, connectTimeoutMs, rpcTimeoutMs, maxRetries, metric, hnswM,
                efConstruction, ef, params, rrfK);
    }

    public MilvusSettings withMaxRetries(int retries) {
        return new MilvusSettings(uri, token, collection, connectTimeoutMs, rpcTimeoutMs, retries, metric, hnswM,
                efConstruction, ef, analyzerParams, rrfK);
    }

    /** host:port of the URI, for messages. */
    public String endpoint() {
        return uri.replaceFirst("^[a-z]+://", "").replaceFirst("/.*$", "");
    }

    @Override
    public String toString() { // never print the token
        return "MilvusSettings[" + uri + ", collection=" + collection + "]";
    }
}
