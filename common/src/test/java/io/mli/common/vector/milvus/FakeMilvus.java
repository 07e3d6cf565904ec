package io.mli.common.vector.milvus;

import com.google.protobuf.Message;
import io.milvus.grpc.BoolResponse;
import io.milvus.grpc.CollectionSchema;
import io.milvus.grpc.ConnectRequest;
import io.milvus.grpc.ConnectResponse;
import io.milvus.grpc.CreateAliasRequest;
import io.milvus.grpc.AlterAliasRequest;
import io.milvus.grpc.CreateCollectionRequest;
import io.milvus.grpc.CreateIndexRequest;
import io.milvus.grpc.DataType;
import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.DescribeAliasRequest;
import io.milvus.grpc.DescribeAliasResponse;
import io.milvus.grpc.DescribeCollectionRequest;
import io.milvus.grpc.DescribeCollectionResponse;
import io.milvus.grpc.DescribeIndexRequest;
import io.milvus.grpc.DescribeIndexResponse;
import io.milvus.grpc.DropCollectionRequest;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.FloatArray;
import io.milvus.grpc.FlushRequest;
import io.milvus.grpc.FlushResponse;
import io.milvus.grpc.GetCollectionStatisticsRequest;
import io.milvus.grpc.GetCollectionStatisticsResponse;
import io.milvus.grpc.GetLoadStateRequest;
import io.milvus.grpc.GetLoadStateResponse;
import io.milvus.grpc.GetLoadingProgressRequest;
import io.milvus.grpc.GetLoadingProgressResponse;
import io.milvus.grpc.HasCollectionRequest;
import io.milvus.grpc.HybridSearchRequest;
import io.milvus.grpc.IDs;
import io.milvus.grpc.IndexDescription;
import io.milvus.grpc.IndexState;
import io.milvus.grpc.InsertRequest;
import io.milvus.grpc.KeyValuePair;
import io.milvus.grpc.LoadCollectionRequest;
import io.milvus.grpc.LoadState;
import io.milvus.grpc.LongArray;
import io.milvus.grpc.MilvusServiceGrpc;
import io.milvus.grpc.MutationResult;
import io.milvus.grpc.PlaceholderGroup;
import io.milvus.grpc.PlaceholderType;
import io.milvus.grpc.PlaceholderValue;
import io.milvus.grpc.QueryRequest;
import io.milvus.grpc.QueryResults;
import io.milvus.grpc.ScalarField;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.SearchResultData;
import io.milvus.grpc.SearchResults;
import io.milvus.grpc.ServerInfo;
import io.milvus.grpc.Status;
import io.milvus.grpc.StringArray;
import io.milvus.grpc.UpsertRequest;
import io.milvus.grpc.VectorField;
import io.milvus.shaded.io.grpc.Server;
import io.milvus.shaded.io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.milvus.shaded.io.grpc.stub.StreamObserver;
import io.mli.common.io.Json;
import io.mli.common.vector.RankFusion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in for a Milvus server (the SDK's own gRPC stubs on 127.0.0.1:0, see dependencies.md §3).
 * It keeps collections, rows and aliases in memory, records every request for assertions, and answers searches by
 * brute force: exact cosine for the dense field, a plain BM25 over lower-cased words (Thai runs as character
 * bigrams) for the sparse field, and RRF for hybrid searches. It evaluates exactly the filter expressions
 * {@link MilvusExpressions} writes. {@link #failNext(int)} makes the next calls fail with gRPC UNAVAILABLE.
 */
public final class FakeMilvus extends MilvusServiceGrpc.MilvusServiceImplBase implements AutoCloseable {
    private static final Status OK = Status.newBuilder().setCode(0).build();

    static final class Coll {
        final String name;
        final CollectionSchema schema;
        final List<KeyValuePair> properties;
        final Map<String, Map<String, Object>> rows = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<CreateIndexRequest> indexes = Collections.synchronizedList(new ArrayList<>());
        volatile boolean loaded;

        Coll(String name, CollectionSchema schema, List<KeyValuePair> properties) {
            this.name = name;
            this.schema = schema;
            this.properties = properties;
        }
    }

    final Map<String, Coll> collections = new ConcurrentHashMap<>();
    final Map<String, String> aliases = new ConcurrentHashMap<>();
    final List<Message> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failures = new AtomicInteger();
    private final Server server;
    private final int port;

    public FakeMilvus() throws IOException {
        this(0);
    }

    /** A server on {@code port} (0: any free port). */
    FakeMilvus(int port) throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)).addService(this).build()
                .start();
        this.port = server.getPort();
    }

    /** A server that comes back on {@code previous}'s port with its data, as Milvus does after a restart. */
    static FakeMilvus restart(FakeMilvus previous) throws IOException {
        FakeMilvus next = new FakeMilvus(previous.port());
        next.collections.putAll(previous.collections);
        next.aliases.putAll(previous.aliases);
        return next;
    }

    public String uri() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** The next {@code n} calls fail with UNAVAILABLE (a transient error the client should retry). */
    void failNext(int n) {
        failures.set(n);
    }

    @SuppressWarnings("unchecked")
    <T extends Message> List<T> requests(Class<T> type) {
        synchronized (requests) {
            return requests.stream().filter(type::isInstance).map(m -> (T) m).toList();
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS); // frees the port for restart()
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean fail(Message request, StreamObserver<?> out) {
        requests.add(request);
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            out.onError(io.milvus.shaded.io.grpc.Status.UNAVAILABLE.withDescription("fake outage")
                    .asRuntimeException());
            return true;
        }
        return false;
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }

    private static Status notFound(String name) {
        return Status.newBuilder().setCode(100).setReason("collection not found[collection=" + name + "]").build();
    }

    private Coll coll(String name) {
        return collections.get(aliases.getOrDefault(name, name));
    }

    // ---- connection and DDL -----------------------------------------------------------------------------------

    @Override
    public void connect(ConnectRequest request, StreamObserver<ConnectResponse> out) {
        if (fail(request, out)) {
            return;
        }
        reply(out, ConnectResponse.newBuilder().setStatus(OK).setIdentifier(1)
                .setServerInfo(ServerInfo.newBuilder().setBuildTags("fake").build()).build());
    }

    @Override
    public void hasCollection(HasCollectionRequest request, StreamObserver<BoolResponse> out) {
        if (fail(request, out)) {
            return;
        }
        reply(out, BoolResponse.newBuilder().setStatus(OK).setValue(coll(request.getCollectionName()) != null).build());
    }

    @Override
    public void createCollection(CreateCollectionRequest request, StreamObserver<Status> out) {
        if (fail(request, out)) {
            return;
        }
        try {
            CollectionSchema schema = CollectionSchema.parseFrom(request.getSchema());
            collections.put(request.getCollectionName(), new Coll(request.getCollectionName(), schema,
                    request.getPropertiesList()));
            reply(out, OK);
        } catch (IOException e) {
            out.onError(e);
        }
    }

    @Override
    public void describeCollection(DescribeCollectionRequest request, StreamObserver<DescribeCollectionResponse> out) {
        if (fail(request, out)) {
            return;
        }
        Coll c = coll(request.getCollectionName());
        if (c == null) {
            reply(out, DescribeCollectionResponse.newBuilder().setStatus(notFound(request.getCollectionName()))
                    .build());
            return;
        }
        reply(out, DescribeCollectionResponse.newBuilder().setStatus(OK).setSchema(c.schema)
                .setCollectionName(c.name).setCollectionID(Math.abs(c.name.hashCode())).setShardsNum(1)
                .addAllProperties(c.properties).build());
    }

    @Override
    public void dropCollection(DropCollectionRequest request, StreamObserver<Status> out) {
        if (fail(request, out)) {
            return;
        }
        if (aliases.containsValue(request.getCollectionName())) {
            reply(out, Status.newBuilder().setCode(65535).setReason("collection has aliases").build());
            return;
        }
        collections.remove(request.getCollectionName());
        reply(out, OK);
    }

    @Override
    public void createIndex(CreateIndexRequest request, StreamObserver<Status> out) {
        if (fail(request, out)) {
            return;
        }
        Coll c = coll(request.getCollectionName());
        if (c == null) {
            reply(out, notFound(request.getCollectionName()));
            return;
        }
        c.indexes.add(request);
        reply(out, OK);
    }

    @Override
    public void describeIndex(DescribeIndexRequest request, StreamObserver<DescribeIndexResponse> out) {
        if (fail(request, out)) {
            return;
        }
        Coll c = coll(request.getCollectionName());
        DescribeIndexResponse.Builder b = DescribeIndexResponse.newBuilder().setStatus(OK);
        if (c != null) {
            for (CreateIndexRequest i : c.indexes) {
                if (request.getIndexName().isEmpty() || request.getIndexName().equals(i.getIndexName())
                        || request.getFieldName().equals(i.getFieldName())) {
                    b.addIndexDescriptions(IndexDescription.newBuilder().setIndexName(i.getIndexName())
                            .setFieldName(i.getFieldName()).addAllParams(i.getExtraParamsList())
                            .setState(IndexState.Finished).setIndexedRows(c.rows.size())
                            .setTotalRows(c.rows.size()).build());
                }
            }
        }
        reply(out, b.build());
    }

    @Override
    public void loadCollection(LoadCollectionRequest request, StreamObserver<Status> out) {
        if (fail(request, out)) {
            return;
        }
        Coll c = coll(request.getCollectionName());
        if (c == null) {
            reply(out, notFound(request.getCollectionName()));
            return;
        }
        c.loaded = true;
        reply(out, OK);
    }

    @Override
    public void getLoadState(GetLoadStateRequest request, StreamObserver<GetLoadStateResponse> out) {
        if (fail(request, out)) {
            return;
        }
        Coll c = coll(request.getCollectionName());
        LoadState state = c == null ? LoadState.LoadStateNotExist
                : c.loaded ? LoadState.LoadStateLoaded : LoadState.LoadStateNotLoad;
        reply(out, GetLoadStateResponse.newBuilder().setStatus(OK).setState(state).build());
    }

    @Override
    public void getLoadingProgress(GetLoadingProgressRequest request, StreamObserver<GetLoadingProgressResponse> out) {
        if (fail(request, out)) {
            return;
        }
        Coll c = coll(request.getCollectionName());
        reply(out, GetLoadingProgressResponse.newBuilder().setStatus(OK).setProgress(c != null && c.loaded ? 100 : 0)
                .setRefreshProgress(100).build());
    }

    @Override
    public void getCollectionStatistics(GetCollectionStatisticsRequest request,
                                        StreamObserver<GetCollectionStatisticsResponse> out) {
        if (fail(request, out)) {
            return;
        }
        Coll c = coll(request.getCollectionName());
        reply(out, GetCollectionStatisticsResponse.newBuilder().setStatus(c == null ? notFound(
                        request.getCollectionName()) : OK)
                .addStats(KeyValuePair.newBuilder().setKey("row_count")
                        .setValue(String.valueOf(c == null ? 0 : c.rows.size()))).build());
    }

    @Override
    public void flush(FlushRequest request, StreamObserver<FlushResponse> out) {
        if (fail(request, out)) {
            return;
        }
        reply(out, FlushResponse.newBuilder().setStatus(OK).build());
    }

    // ---- aliases ------------------------------------------------------------------------------------------------

    @Override
    public void createAlias(CreateAliasRequest request, StreamObserver<Status> out) {
        if (fail(request, out)) {
            return;
        }
        if (aliases.containsKey(request.getAlias()) || collections.containsKey(request.getAlias())) {
            reply(out, Status.newBuilder().setCode(65535).setReason("alias exists").build());
            return;
        }
        aliases.put(request.getAlias(), request.getCollectionName());
        reply(out, OK);
    }

    @Override
    public void alterAlias(AlterAliasRequest request, StreamObserver<Status> out) {
        if (fail(request, out)) {
            return;
        }
        aliases.put(request.getAlias(), request.getCollectionName());
        reply(out, OK);
    }

    @Override
    public void describeAlias(DescribeAliasRequest request, StreamObserver<DescribeAliasResponse> out) {
        if (fail(request, out)) {
            return;
        }
        String target = aliases.get(request.getAlias());
        if (target == null) {
            reply(out, DescribeAliasResponse.newBuilder().setStatus(Status.newBuilder().setCode(1602)
                    .setReason("alias not found[database=default][alias=" + request.getAlias() + "]")).build());
            return;
        }
        reply(out, DescribeAliasResponse.newBuilder().setStatus(OK).setAlias(request.getAlias())
                .setCollection(target).build());
    }

    // ---- DML ----------------------------------------------------------------------------------------------------

    @Override
    public void insert(InsertRequest request, StreamObserver<MutationResult> out) {
        if (fail(request, out)) {
            return;
        }
        write(request.getCollectionName(), request.getFieldsDataList(), (int) request.getNumRows(), false, out);
    }

    @Override
    public void upsert(UpsertRequest request, StreamObserver<MutationResult> out) {
        if (fail(request, out)) {
            return;
        }
        write(request.getCollectionName(), request.getFieldsDataList(), (int) request.getNumRows(), true, out);
    }

    private void write(String name, List<FieldData> columns, int n, boolean upsert,
                       StreamObserver<MutationResult> out) {
        Coll c = coll(name);
        if (c == null) {
            reply(out, MutationResult.newBuilder().setStatus(notFound(name)).build());
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new HashMap<>());
        }
        for (FieldData f : columns) {
            for (int i = 0; i < n; i++) {
                rows.get(i).put(f.getFieldName(), value(f, i));
            }
        }
        StringArray.Builder ids = StringArray.newBuilder();
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("id");
            c.rows.put(id, row);
            ids.addData(id);
        }
        MutationResult.Builder r = MutationResult.newBuilder().setStatus(OK)
                .setIDs(IDs.newBuilder().setStrId(ids)).setTimestamp(System.currentTimeMillis() << 18);
        reply(out, (upsert ? r.setUpsertCnt(n) : r.setInsertCnt(n)).build());
    }

    private static Object value(FieldData f, int i) {
        return switch (f.getType()) {
            case VarChar, String -> f.getScalars().getStringData().getData(i);
            case Array -> f.getScalars().getArrayData().getData(i).getStringData().getDataList();
            case FloatVector -> {
                int dim = (int) f.getVectors().getDim();
                float[] v = new float[dim];
                for (int d = 0; d < dim; d++) {
                    v[d] = f.getVectors().getFloatVector().getData(i * dim + d);
                }
                yield v;
            }
            case Int64 -> f.getScalars().getLongData().getData(i);
            default -> throw new IllegalArgumentException("fake Milvus: unsupported field type " + f.getType());
        };
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<MutationResult> out) {
        if (fail(request, out)) {
            return;
        }
        Coll c = coll(request.getCollectionName());
        if (c == null) {
            reply(out, MutationResult.newBuilder().setStatus(notFound(request.getCollectionName())).build());
            return;
        }
        int deleted = 0;
        synchronized (c.rows) {
            var it = c.rows.values().iterator();
            while (it.hasNext()) {
                if (FakeExpressions.matches(request.getExpr(), it.next())) {
                    it.remove();
                    deleted++;
                }
            }
        }
        reply(out, MutationResult.newBuilder().setStatus(OK).setDeleteCnt(deleted).build());
    }

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResults> out) {
        if (fail(request, out)) {
            return;
        }
        Coll c = coll(request.getCollectionName());
        if (c == null) {
            reply(out, QueryResults.newBuilder().setStatus(notFound(request.getCollectionName())).build());
            return;
        }
        if (!request.getOutputFieldsList().contains("count(*)")) {
            reply(out, QueryResults.newBuilder().setStatus(Status.newBuilder().setCode(65535)
                    .setReason("fake Milvus answers count(*) queries only")).build());
            return;
        }
        long n;
        synchronized (c.rows) {
            n = c.rows.values().stream().filter(r -> FakeExpressions.matches(request.getExpr(), r)).count();
        }
        reply(out, QueryResults.newBuilder().setStatus(OK).setCollectionName(c.name).addOutputFields("count(*)")
                .addFieldsData(FieldData.newBuilder().setFieldName("count(*)").setType(DataType.Int64)
                        .setScalars(ScalarField.newBuilder().setLongData(LongArray.newBuilder().addData(n))))
                .build());
    }

    // ---- search -------------------------------------------------------------------------------------------------

    static Map<String, String> params(List<KeyValuePair> kvs) {
        Map<String, String> m = new LinkedHashMap<>();
        kvs.forEach(kv -> m.put(kv.getKey(), kv.getValue()));
        return m;
    }

    @Override
    public void search(SearchRequest request, StreamObserver<SearchResults> out) {
        if (fail(request, out)) {
            return;
        }
        Coll c = coll(request.getCollectionName());
        if (c == null) {
            reply(out, SearchResults.newBuilder().setStatus(notFound(request.getCollectionName())).build());
            return;
        }
        List<Map.Entry<Map<String, Object>, Double>> ranked = rank(c, request);
        reply(out, results(c, ranked, request.getOutputFieldsList()));
    }

    @Override
    public void hybridSearch(HybridSearchRequest request, StreamObserver<SearchResults> out) {
        if (fail(request, out)) {
            return;
        }
        Coll c = coll(request.getCollectionName());
        if (c == null) {
            reply(out, SearchResults.newBuilder().setStatus(notFound(request.getCollectionName())).build());
            return;
        }
        List<List<Map<String, Object>>> legs = new ArrayList<>();
        for (SearchRequest leg : request.getRequestsList()) {
            legs.add(rank(c, leg).stream().map(Map.Entry::getKey).toList());
        }
        Map<String, String> rank = params(request.getRankParamsList());
        int k = 60;
        if (request.hasFunctionScore()) {
            for (var f : request.getFunctionScore().getFunctionsList()) {
                k = Integer.parseInt(params(f.getParamsList()).getOrDefault("k", "60"));
            }
        } else if (rank.containsKey("params")) {
            k = Json.MAPPER.readTree(rank.get("params")).path("k").asInt(60);
        }
        int limit = Integer.parseInt(rank.getOrDefault("limit", String.valueOf(request.getRequests(0)
                .getSearchParamsList().stream().filter(p -> p.getKey().equals("topk")).findFirst()
                .map(KeyValuePair::getValue).orElse("10"))));
        List<Map.Entry<Map<String, Object>, Double>> fused = new ArrayList<>();
        for (var e : RankFusion.fuse(legs, k, limit)) {
            fused.add(Map.entry(e.getKey(), e.getValue()));
        }
        reply(out, results(c, fused, request.getOutputFieldsList()));
    }

    /** Brute-force ranking of one (leg of a) search. */
    private List<Map.Entry<Map<String, Object>, Double>> rank(Coll c, SearchRequest request) {
        Map<String, String> p = params(request.getSearchParamsList());
        String field = p.get("anns_field");
        int topK = Integer.parseInt(p.getOrDefault("topk", p.getOrDefault("limit", "10")));
        PlaceholderValue ph;
        try {
            ph = PlaceholderGroup.parseFrom(request.getPlaceholderGroup()).getPlaceholders(0);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        List<Map<String, Object>> candidates;
        synchronized (c.rows) {
            candidates = c.rows.values().stream().filter(r -> FakeExpressions.matches(request.getDsl(), r)).toList();
        }
        List<Map.Entry<Map<String, Object>, Double>> scored = new ArrayList<>();
        if (ph.getType() == PlaceholderType.FloatVector) {
            ByteBuffer b = ph.getValues(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            float[] q = new float[b.remaining() / 4];
            for (int i = 0; i < q.length; i++) {
                q[i] = b.getFloat();
            }
            for (Map<String, Object> r : candidates) {
                float[] v = (float[]) r.get(field);
                double s = 0;
                for (int i = 0; i < q.length; i++) {
                    s += q[i] * v[i];
                }
                scored.add(Map.entry(r, s));
            }
        } else {
            String text = ph.getValues(0).toStringUtf8();
            List<Map<String, Object>> all;
            synchronized (c.rows) {
                all = new ArrayList<>(c.rows.values());
            }
            FakeBm25 bm25 = new FakeBm25(all.stream().map(r -> (String) r.get("title")).toList());
            for (Map<String, Object> r : candidates) {
                double s = bm25.score(text, (String) r.get("title"));
                if (s > 0) {
                    scored.add(Map.entry(r, s));
                }
            }
        }
        scored.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        return scored.size() > topK ? new ArrayList<>(scored.subList(0, topK)) : scored;
    }

    private static SearchResults results(Coll c, List<Map.Entry<Map<String, Object>, Double>> ranked,
                                         List<String> outputFields) {
        SearchResultData.Builder d = SearchResultData.newBuilder().setNumQueries(1).setTopK(ranked.size())
                .addTopks(ranked.size()).setPrimaryFieldName("id");
        StringArray.Builder ids = StringArray.newBuilder();
        for (var e : ranked) {
            ids.addData((String) e.getKey().get("id"));
            d.addScores(e.getValue().floatValue());
        }
        d.setIds(IDs.newBuilder().setStrId(ids));
        for (String f : outputFields) {
            var schemaField = c.schema.getFieldsList().stream().filter(x -> x.getName().equals(f)).findFirst();
            if (schemaField.isEmpty()) {
                continue;
            }
            FieldData.Builder fd = FieldData.newBuilder().setFieldName(f).setType(schemaField.get().getDataType());
            if (schemaField.get().getDataType() == DataType.FloatVector) {
                FloatArray.Builder fa = FloatArray.newBuilder();
                long dim = 0;
                for (var e : ranked) {
                    float[] v = (float[]) e.getKey().get(f);
                    dim = v.length;
                    for (float x : v) {
                        fa.addData(x);
                    }
                }
                fd.setVectors(VectorField.newBuilder().setDim(dim).setFloatVector(fa));
            } else {
                StringArray.Builder sa = StringArray.newBuilder();
                for (var e : ranked) {
                    sa.addData(String.valueOf(e.getKey().getOrDefault(f, "")));
                }
                fd.setScalars(ScalarField.newBuilder().setStringData(sa));
            }
            d.addFieldsData(fd);
            d.addOutputFields(f);
        }
        return SearchResults.newBuilder().setStatus(OK).setCollectionName(c.name).setResults(d).build();
    }

    /** A plain BM25 (k1 = 1.2, b = 0.75) over lower-cased words, Thai runs as character bigrams. */
    static final class FakeBm25 {
        private final Map<String, Integer> df = new HashMap<>();
        private final int n;
        private final double avgLen;

        FakeBm25(List<String> docs) {
            n = docs.size();
            long total = 0;
            for (String d : docs) {
                List<String> t = tokens(d);
                total += t.size();
                t.stream().distinct().forEach(x -> df.merge(x, 1, Integer::sum));
            }
            avgLen = n == 0 ? 1 : Math.max(1, (double) total / n);
        }

        double score(String query, String doc) {
            List<String> d = tokens(doc);
            Map<String, Integer> tf = new HashMap<>();
            d.forEach(x -> tf.merge(x, 1, Integer::sum));
            double s = 0;
            for (String q : tokens(query).stream().distinct().toList()) {
                Integer f = tf.get(q);
                if (f == null) {
                    continue;
                }
                double idf = Math.log(1 + (n - df.getOrDefault(q, 0) + 0.5) / (df.getOrDefault(q, 0) + 0.5));
                s += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * d.size() / avgLen));
            }
            return s;
        }

        static List<String> tokens(String s) {
            List<String> out = new ArrayList<>();
            for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}\\p{N}]+")) {
                if (w.isEmpty()) {
                    continue;
                }
                if (w.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.THAI)) {
                    for (int i = 0; i + 2 <= w.length(); i++) {
                        out.add(w.substring(i, i + 2));
                    }
                } else {
                    out.add(w);
                }
            }
            return out;
        }
    }
}
