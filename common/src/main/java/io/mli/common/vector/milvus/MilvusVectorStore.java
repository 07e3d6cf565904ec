package io.mli.common.vector.milvus;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.exception.ErrorCode;
import io.milvus.v2.exception.MilvusClientException;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DescribeCollectionReq;
import io.milvus.v2.service.collection.request.GetLoadStateReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.vector.request.AnnSearchReq;
import io.milvus.v2.service.vector.request.DeleteReq;
import io.milvus.v2.service.vector.request.FunctionScore;
import io.milvus.v2.service.vector.request.HybridSearchReq;
import io.milvus.v2.service.vector.request.QueryReq;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.UpsertReq;
import io.milvus.v2.service.vector.request.data.BaseVector;
import io.milvus.v2.service.vector.request.data.EmbeddedText;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.service.vector.request.ranker.RRFRanker;
import io.milvus.v2.service.vector.response.SearchResp;
import io.mli.common.embed.Embedder;
import io.mli.common.vector.Categories;
import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.RankFusion;
import io.mli.common.vector.SearchHit;
import io.mli.common.vector.SearchRequest;
import io.mli.common.vector.StoreInfo;
import io.mli.common.vector.StoreMismatchException;
import io.mli.common.vector.VectorStore;
import io.mli.common.vector.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The production {@link VectorStore}: a Milvus collection (layout in {@link MilvusSchema}) reached by its alias
 * ({@link MilvusSettings#collection()}), so that rebuilds ({@link MilvusCollections#rebuild}) switch under it.
 *
 * <p>Hybrid search is one {@code hybridSearch} call: the dense leg (HNSW, {@code ef} from the settings) and the BM25
 * leg (Milvus' BM25 function over the title, queried with the raw text), each {@link RankFusion#legDepth} deep with
 * the same filter expression, fused by Milvus' {@code RRFRanker} with the same k as the Lucene store. Vectors come
 * back with the hits, so each hit's exact cosine similarity is computed here, as in the Lucene store.
 *
 * <p>Resilience: connecting is lazy, so the store can be created while Milvus is down; every call has the settings'
 * deadline and the SDK retries transient gRPC errors with backoff. Searches use SESSION consistency: this client
 * reads its own writes (an upsert is visible to the next search), and reads of a collection nobody writes to never
 * wait. While Milvus is unreachable, calls throw
 * {@link MilvusUnavailableException} and {@link #unavailableReason()} says why (re-checking at most every few
 * seconds); when Milvus returns the store reconnects by itself. The collection's recorded embedder is checked once
 * per connection ({@link StoreMismatchException}); the collection is loaded if it is not.
 *
 * <p>Thread-safe: {@link MilvusClientV2} is, and the connection state is guarded.
 */
public final class MilvusVectorStore implements VectorStore {
    private static final long DEFAULT_RECHECK_NANOS = 5_000_000_000L;
    private static final int UPSERT_BATCH = 500;

    private final MilvusSettings settings;
    private final Embedder embedder;
    private final Function<MilvusSettings, MilvusClientV2> connector;
    private final Object lock = new Object();
    private MilvusClientV2 client; // guarded by lock
    private boolean ready; // guarded by lock: collection verified and loaded on this client
    private volatile String reason;
    private volatile long checkedAt;
    private volatile boolean closed;
    private volatile long recheckNanos = DEFAULT_RECHECK_NANOS;

    private MilvusVectorStore(MilvusSettings settings, Embedder embedder,
                              Function<MilvusSettings, MilvusClientV2> connector) {
        this.settings = settings;
        this.embedder = embedder;
        this.connector = connector;
    }

    /** A store on {@code settings.collection()}; connects on first use, so Milvus may still be down. */
    public static MilvusVectorStore connect(MilvusSettings settings, Embedder embedder) {
        return new MilvusVectorStore(settings, embedder, MilvusConnections::open);
    }

    /** How long a failed check is trusted before {@link #unavailableReason()} or a call checks again. */
    void recheckInterval(java.time.Duration interval) {
        this.recheckNanos = interval.toNanos();
    }

    public MilvusSettings settings() {
        return settings;
    }

    @Override
    public StoreInfo info() {
        long count;
        try {
            count = count();
        } catch (RuntimeException e) {
            count = -1; // unknown while Milvus is unavailable; info() itself must not fail
        }
        return new StoreInfo("milvus", settings.uri() + "/" + settings.collection(), embedder.id(),
                embedder.dimension(), count);
    }

    /** Rows in the collection (a strongly consistent {@code count(*)}). */
    public long count() {
        return call(c -> {
            var rows = c.query(QueryReq.builder().collectionName(settings.collection()).filter("")
                    .outputFields(List.of("count(*)")).consistencyLevel(ConsistencyLevel.STRONG).build())
                    .getQueryResults();
            return rows.isEmpty() ? 0L : ((Number) rows.getFirst().getEntity().get("count(*)")).longValue();
        });
    }

    @Override
    public void upsert(List<ProductRecord> products) {
        List<JsonObject> rows = new ArrayList<>(products.size());
        for (ProductRecord p : products) {
            rows.add(row(p, embedder)); // validate everything before writing anything
        }
        call(c -> {
            for (int i = 0; i < rows.size(); i += UPSERT_BATCH) {
                c.upsert(UpsertReq.builder().collectionName(settings.collection())
                        .data(rows.subList(i, Math.min(rows.size(), i + UPSERT_BATCH))).build());
            }
            return null;
        });
    }

    /** One product as a Milvus row; embeds the title when the product has no vector. */
    static JsonObject row(ProductRecord p, Embedder embedder) {
        if (p.id() == null || p.id().isBlank()) {
            throw new IllegalArgumentException("a product needs an id: " + p);
        }
        String title = truncate(p.title() == null ? "" : p.title(), MilvusSchema.MAX_TITLE);
        float[] vector = Vectors.checkedUnit(p.vector() != null ? p.vector() : embedder.embed(title),
                embedder.dimension(), embedder.id());
        String category = Categories.normalize(p.category());
        JsonObject row = new JsonObject();
        row.addProperty(MilvusSchema.ID, p.id());
        row.addProperty(MilvusSchema.BRAND_ID, nz(p.brandId()));
        row.addProperty(MilvusSchema.BRAND, nz(p.brand()));
        row.addProperty(MilvusSchema.TITLE, title);
        row.addProperty(MilvusSchema.CATEGORY, nz(category));
        JsonArray path = new JsonArray();
        Categories.prefixes(category).forEach(path::add);
        row.add(MilvusSchema.CATEGORY_PATH, path);
        row.addProperty(MilvusSchema.LANGUAGE, nz(p.language()));
        JsonArray v = new JsonArray(vector.length);
        for (float x : vector) {
            v.add(x);
        }
        row.add(MilvusSchema.VECTOR, v);
        return row;
    }

    @Override
    public void delete(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        call(c -> c.delete(DeleteReq.builder().collectionName(settings.collection())
                .ids(new ArrayList<>(ids)).build()));
    }

    @Override
    public List<SearchHit> search(SearchRequest request) {
        float[] query = request.vector() != null
                ? Vectors.checkedUnit(request.vector(), embedder.dimension(), embedder.id())
                : request.text() == null ? null : embedder.embed(request.text());
        String filter = MilvusExpressions.filter(request);
        boolean hasText = request.text() != null && !request.text().isBlank();
        SearchRequest.Mode mode = request.mode();
        if ((mode == SearchRequest.Mode.TEXT && !hasText) || (mode == SearchRequest.Mode.VECTOR && query == null)
                || (query == null && !hasText)) {
            return List.of();
        }
        SearchResp resp = call(c -> switch (mode) {
            case VECTOR -> c.search(vectorSearch(query, request.topK(), filter));
            case TEXT -> c.search(textSearch(request.text(), request.topK(), filter));
            case HYBRID -> c.hybridSearch(hybridSearch(query, hasText ? request.text() : null, request.topK(),
                    filter));
        });
        List<SearchHit> hits = new ArrayList<>();
        for (SearchResp.SearchResult r : resp.getSearchResults().isEmpty() ? List.<SearchResp.SearchResult>of()
                : resp.getSearchResults().getFirst()) {
            Map<String, Object> e = r.getEntity();
            double sim = query == null ? Double.NaN : similarity(query, e.get(MilvusSchema.VECTOR));
            double score = mode == SearchRequest.Mode.VECTOR && !Double.isNaN(sim) ? sim : r.getScore();
            hits.add(new SearchHit(record(r.getId(), e), score, sim));
        }
        if (mode == SearchRequest.Mode.VECTOR) {
            hits.sort((a, b) -> Double.compare(b.score(), a.score()));
        }
        return hits.size() > request.topK() ? new ArrayList<>(hits.subList(0, request.topK())) : hits;
    }

    SearchReq vectorSearch(float[] query, int topK, String filter) {
        return SearchReq.builder().collectionName(settings.collection()).annsField(MilvusSchema.VECTOR)
                .metricType(IndexParam.MetricType.valueOf(settings.metric())).data(List.of(new FloatVec(query)))
                .limit(topK).filter(filter).searchParams(Map.of("ef", Math.max(settings.ef(), topK)))
                .outputFields(MilvusSchema.OUTPUT_FIELDS).consistencyLevel(ConsistencyLevel.SESSION).build();
    }

    SearchReq textSearch(String text, int topK, String filter) {
        return SearchReq.builder().collectionName(settings.collection()).annsField(MilvusSchema.SPARSE)
                .metricType(IndexParam.MetricType.BM25).data(List.of(new EmbeddedText(text))).limit(topK)
                .filter(filter).outputFields(MilvusSchema.OUTPUT_FIELDS).consistencyLevel(ConsistencyLevel.SESSION)
                .build();
    }

    HybridSearchReq hybridSearch(float[] query, String text, int topK, String filter) {
        int depth = RankFusion.legDepth(topK);
        List<AnnSearchReq> legs = new ArrayList<>(2);
        if (query != null) {
            legs.add(AnnSearchReq.builder().vectorFieldName(MilvusSchema.VECTOR)
                    .vectors(List.<BaseVector>of(new FloatVec(query))).limit(depth).filter(filter)
                    .metricType(IndexParam.MetricType.valueOf(settings.metric()))
                    .params("{\"ef\": " + Math.max(settings.ef(), depth) + "}").build());
        }
        if (text != null) {
            legs.add(AnnSearchReq.builder().vectorFieldName(MilvusSchema.SPARSE)
                    .vectors(List.<BaseVector>of(new EmbeddedText(text))).limit(depth).filter(filter)
                    .metricType(IndexParam.MetricType.BM25).build());
        }
        return HybridSearchReq.builder().collectionName(settings.collection()).searchRequests(legs)
                .functionScore(FunctionScore.builder().addFunction(RRFRanker.builder().k(settings.rrfK()).build())
                        .build())
                .limit(topK).outFields(MilvusSchema.OUTPUT_FIELDS).consistencyLevel(ConsistencyLevel.SESSION).build();
    }

    private static ProductRecord record(Object id, Map<String, Object> e) {
        Object pk = e.getOrDefault(MilvusSchema.ID, id);
        return new ProductRecord(String.valueOf(pk), str(e.get(MilvusSchema.TITLE)), str(e.get(MilvusSchema.BRAND_ID)),
                str(e.get(MilvusSchema.BRAND)), str(e.get(MilvusSchema.CATEGORY)), str(e.get(MilvusSchema.LANGUAGE)),
                null);
    }

    private static double similarity(float[] query, Object vector) {
        if (!(vector instanceof List<?> list) || list.size() != query.length) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < query.length; i++) {
            s += query[i] * ((Number) list.get(i)).floatValue();
        }
        return s;
    }

    /** Empty strings stand for absent values in Milvus (fields are not nullable); give back null. */
    private static String str(Object o) {
        return o == null || o.toString().isEmpty() ? null : o.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Milvus limits VarChar by UTF-8 bytes. */
    static String truncate(String s, int maxBytes) {
        if (s.length() * 3 <= maxBytes || s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > maxBytes) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    // ---- connection state -------------------------------------------------------------------------------------

    /** Runs {@code work} on a connected client whose collection is verified and loaded. */
    private <T> T call(Function<MilvusClientV2, T> work) {
        if (closed) {
            throw new IllegalStateException("the Milvus store is closed");
        }
        MilvusClientV2 c = readyClient();
        try {
            T result = work.apply(c);
            reason = null;
            return result;
        } catch (MilvusClientException e) {
            throw translate(e);
        }
    }

    private MilvusClientV2 readyClient() {
        synchronized (lock) {
            if (client == null) {
                if (reason != null && System.nanoTime() - checkedAt < recheckNanos) {
                    // Failed moments ago: fail fast instead of waiting out another connect timeout.
                    throw new MilvusUnavailableException(reason);
                }
                try {
                    client = connector.apply(settings);
                } catch (MilvusUnavailableException e) {
                    reason = e.getMessage();
                    checkedAt = System.nanoTime();
                    throw e;
                }
            }
            if (!ready) {
                try {
                    verify(client);
                } catch (MilvusClientException e) {
                    throw translate(e);
                }
                ready = true;
            }
            return client;
        }
    }

    /** Checks the embedder recorded on the collection and loads it if needed. */
    private void verify(MilvusClientV2 c) {
        String name = settings.collection();
        if (!c.hasCollection(HasCollectionReq.builder().collectionName(name).build())) {
            String msg = "Milvus collection or alias '" + name + "' does not exist at " + settings.endpoint()
                    + "; build it with: mli kb build --store milvus --milvus-uri " + settings.uri();
            reason = msg;
            checkedAt = System.nanoTime();
            throw new IllegalStateException(msg);
        }
        DescribeCollectionResp d = c.describeCollection(DescribeCollectionReq.builder().collectionName(name).build());
        checkEmbedder(d, embedder, settings.endpoint() + "/" + name);
        if (!Boolean.TRUE.equals(c.getLoadState(GetLoadStateReq.builder().collectionName(name).build()))) {
            c.loadCollection(LoadCollectionReq.builder().collectionName(name).sync(true)
                    .timeout(Math.max(60_000L, settings.rpcTimeoutMs())).build());
        }
    }

    static void checkEmbedder(DescribeCollectionResp d, Embedder embedder, String location) {
        Map<String, String> props = d.getProperties() == null ? Map.of() : d.getProperties();
        String storedId = props.get(MilvusSchema.EMBEDDER_ID);
        CreateCollectionReq.FieldSchema vector = d.getCollectionSchema() == null ? null
                : d.getCollectionSchema().getField(MilvusSchema.VECTOR);
        Integer storedDim = vector == null ? null : vector.getDimension();
        if (storedDim == null && props.containsKey(MilvusSchema.EMBEDDER_DIMENSION)) {
            storedDim = Integer.parseInt(props.get(MilvusSchema.EMBEDDER_DIMENSION));
        }
        if (vector == null && storedId == null) {
            throw new IllegalStateException("the Milvus collection at " + location
                    + " has no '" + MilvusSchema.VECTOR + "' field: not built by mli kb build");
        }
        if ((storedId != null && !storedId.equals(embedder.id()))
                || (storedDim != null && storedDim != embedder.dimension())) {
            throw new StoreMismatchException(location, storedId == null ? "unknown" : storedId,
                    storedDim == null ? -1 : storedDim, embedder.id(), embedder.dimension());
        }
    }

    private RuntimeException translate(MilvusClientException e) {
        ErrorCode code = e.getErrorCode();
        if (code == ErrorCode.RPC_ERROR || code == ErrorCode.TIMEOUT) {
            // Transient (already retried by the SDK): report, and reconnect on the next call with a fresh channel,
            // which does not wait out gRPC's growing reconnect backoff once Milvus is back.
            String msg = "Milvus at " + settings.endpoint() + " unavailable: " + MilvusConnections.rootMessage(e);
            reason = msg;
            checkedAt = System.nanoTime();
            MilvusClientV2 stale;
            synchronized (lock) {
                ready = false;
                stale = client;
                client = null;
            }
            if (stale != null) {
                try {
                    stale.close();
                } catch (RuntimeException ignored) {
                    // already broken; nothing more to release
                }
            }
            return new MilvusUnavailableException(msg, e);
        }
        if (code == ErrorCode.COLLECTION_NOT_FOUND) {
            synchronized (lock) {
                ready = false;
            }
            return new IllegalStateException("Milvus collection or alias '" + settings.collection()
                    + "' does not exist at " + settings.endpoint() + ": " + e.getMessage(), e);
        }
        return new IllegalStateException("Milvus call failed (" + code + "): " + e.getMessage(), e);
    }

    /**
     * Null when the collection can be searched; otherwise why not. Re-checks (connect, collection loaded) at most
     * every five seconds, so a readiness probe may call it often; recovers by itself when Milvus returns.
     */
    @Override
    public String unavailableReason() {
        if (closed) {
            return "the Milvus store is closed";
        }
        long now = System.nanoTime();
        if (now - checkedAt < recheckNanos) {
            return reason;
        }
        checkedAt = now;
        try {
            MilvusClientV2 c = readyClient();
            Boolean loaded = c.getLoadState(GetLoadStateReq.builder().collectionName(settings.collection()).build());
            reason = Boolean.TRUE.equals(loaded) ? null
                    : "Milvus collection '" + settings.collection() + "' is not loaded";
        } catch (MilvusClientException e) {
            reason = translate(e).getMessage();
        } catch (RuntimeException e) {
            reason = e.getMessage();
        }
        checkedAt = System.nanoTime();
        return reason;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }

    @Override
    public String toString() {
        return "MilvusVectorStore[" + settings + ", " + embedder.id() + "]";
    }
}
