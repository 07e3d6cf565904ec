package io.mli.common.vector.milvus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.milvus.grpc.AlterAliasRequest;
import io.milvus.grpc.CollectionSchema;
import io.milvus.grpc.CreateAliasRequest;
import io.milvus.grpc.CreateCollectionRequest;
import io.milvus.grpc.CreateIndexRequest;
import io.milvus.grpc.DataType;
import io.milvus.grpc.DeleteRequest;
import io.milvus.grpc.DropCollectionRequest;
import io.milvus.grpc.FieldSchema;
import io.milvus.grpc.FunctionType;
import io.milvus.grpc.HybridSearchRequest;
import io.milvus.grpc.SearchRequest;
import io.milvus.grpc.UpsertRequest;
import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.io.Json;
import io.mli.common.vector.SearchRequest.Mode;
import io.mli.common.vector.StoreFixtures;
import io.mli.common.vector.StoreMismatchException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Milvus adapter's requests, alias switching and failure handling, against the in-process fake server. */
class MilvusVectorStoreTest {
    private final HashedNgramEmbedder embedder = new HashedNgramEmbedder();
    private FakeMilvus fake;
    private MilvusSettings settings;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeMilvus();
        settings = MilvusSettings.of(fake.uri(), null, "mli_products").withHnsw(24, 120, 80)
                .withTimeouts(2_000, 5_000);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private MilvusCollections.Rebuild rebuild(Instant at, boolean keepPrevious) {
        try (MilvusCollections c = new MilvusCollections(MilvusConnections.open(settings), settings, embedder,
                Clock.fixed(at, ZoneOffset.UTC))) {
            return c.rebuild(StoreFixtures.corpus(), "mli_products", keepPrevious);
        }
    }

    private static Map<String, String> kv(List<io.milvus.grpc.KeyValuePair> pairs) {
        return FakeMilvus.params(pairs);
    }

    @Test
    void createsTheSchemaIndexesAndEmbedderProperties() throws Exception {
        rebuild(Instant.parse("2026-11-26T09:30:00Z"), false);

        CreateCollectionRequest create = fake.requests(CreateCollectionRequest.class).getFirst();
        assertThat(create.getCollectionName()).isEqualTo("mli_products_v20261126T093000Z");
        assertThat(kv(create.getPropertiesList())).containsEntry("mli.embedder.id", "hashed-ngram-v2-384")
                .containsEntry("mli.embedder.dimension", "384");
        CollectionSchema schema = CollectionSchema.parseFrom(create.getSchema());
        Map<String, FieldSchema> fields = schema.getFieldsList().stream()
                .collect(Collectors.toMap(FieldSchema::getName, f -> f));
        assertThat(fields).containsOnlyKeys("id", "brand_id", "brand", "title", "category", "category_path",
                "language", "vector", "sparse");
        assertThat(fields.get("id").getIsPrimaryKey()).isTrue();
        assertThat(fields.get("id").getDataType()).isEqualTo(DataType.VarChar);
        assertThat(fields.get("vector").getDataType()).isEqualTo(DataType.FloatVector);
        assertThat(kv(fields.get("vector").getTypeParamsList())).containsEntry("dim", "384");
        assertThat(fields.get("sparse").getDataType()).isEqualTo(DataType.SparseFloatVector);
        assertThat(fields.get("category_path").getElementType()).isEqualTo(DataType.VarChar);
        Map<String, String> title = kv(fields.get("title").getTypeParamsList());
        assertThat(title).containsEntry("enable_analyzer", "true");
        assertThat(Json.MAPPER.readTree(title.get("analyzer_params")).get("tokenizer").asString()).isEqualTo("icu");
        assertThat(schema.getFunctions(0).getType()).isEqualTo(FunctionType.BM25);
        assertThat(schema.getFunctions(0).getInputFieldNamesList()).containsExactly("title");
        assertThat(schema.getFunctions(0).getOutputFieldNamesList()).containsExactly("sparse");

        Map<String, Map<String, String>> indexes = fake.requests(CreateIndexRequest.class).stream()
                .collect(Collectors.toMap(CreateIndexRequest::getFieldName, i -> kv(i.getExtraParamsList())));
        assertThat(indexes.get("vector")).containsEntry("index_type", "HNSW").containsEntry("metric_type", "COSINE")
                .containsEntry("M", "24").containsEntry("efConstruction", "120");
        assertThat(indexes.get("sparse")).containsEntry("index_type", "SPARSE_INVERTED_INDEX")
                .containsEntry("metric_type", "BM25");
    }

    @Test
    void searchesSendTheParametersAndFilterExpressions() {
        rebuild(Instant.now(), false);
        try (MilvusVectorStore store = MilvusVectorStore.connect(settings, embedder)) {
            store.search(new io.mli.common.vector.SearchRequest("Nivea \"cream\"", null, 5, Mode.HYBRID,
                    "Beauty /// Skin Care", "en", Set.of("nivea", "mama"), Set.of("p9")));
            HybridSearchRequest hybrid = fake.requests(HybridSearchRequest.class).getFirst();
            assertThat(hybrid.getCollectionName()).isEqualTo("mli_products");
            assertThat(hybrid.getRequestsList()).hasSize(2);
            String expr = "array_contains(category_path, \"Beauty /// Skin Care\") and language == \"en\""
                    + " and brand_id in [\"mama\", \"nivea\"] and id not in [\"p9\"]";
            Map<String, String> dense = kv(hybrid.getRequests(0).getSearchParamsList());
            Map<String, String> sparse = kv(hybrid.getRequests(1).getSearchParamsList());
            assertThat(hybrid.getRequests(0).getDsl()).isEqualTo(expr);
            assertThat(hybrid.getRequests(1).getDsl()).isEqualTo(expr);
            assertThat(dense).containsEntry("anns_field", "vector").containsEntry("metric_type", "COSINE")
                    .containsEntry("topk", "20");
            assertThat(Json.MAPPER.readTree(dense.get("params")).get("ef").asInt()).isEqualTo(80);
            assertThat(sparse).containsEntry("anns_field", "sparse").containsEntry("metric_type", "BM25")
                    .containsEntry("topk", "20");
            assertThat(kv(hybrid.getRankParamsList())).containsEntry("limit", "5");
            assertThat(kv(hybrid.getFunctionScore().getFunctions(0).getParamsList()))
                    .containsEntry("reranker", "rrf").containsEntry("k", "60");
            assertThat(hybrid.getOutputFieldsList()).contains("id", "brand_id", "brand", "title", "category",
                    "language", "vector");

            store.search(new io.mli.common.vector.SearchRequest("Nivea", null, 100, Mode.VECTOR, null, null));
            Map<String, String> vector = kv(fake.requests(SearchRequest.class).getLast().getSearchParamsList());
            assertThat(vector).containsEntry("anns_field", "vector").containsEntry("topk", "100");
            assertThat(Json.MAPPER.readTree(vector.get("params")).get("ef").asInt()).isEqualTo(100); // >= topK
            assertThat(fake.requests(SearchRequest.class).getLast().getDsl()).isEmpty();

            store.search(new io.mli.common.vector.SearchRequest("Nivea", null, 3, Mode.TEXT, null, "th"));
            SearchRequest text = fake.requests(SearchRequest.class).getLast();
            assertThat(kv(text.getSearchParamsList())).containsEntry("anns_field", "sparse")
                    .containsEntry("metric_type", "BM25");
            assertThat(text.getDsl()).isEqualTo("language == \"th\"");

            store.upsert(List.of(StoreFixtures.product("p1", "Nivea Creme 150ml", "nivea", null, "en")));
            assertThat(fake.requests(UpsertRequest.class).getFirst().getCollectionName()).isEqualTo("mli_products");
            store.delete(List.of("p1", "p\"2"));
            assertThat(fake.requests(DeleteRequest.class).getFirst().getExpr()).contains("\"p1\"");
        }
    }

    @Test
    void rebuildSwitchesTheAliasAndDropsOrKeepsThePreviousCollection() {
        MilvusCollections.Rebuild first = rebuild(Instant.parse("2026-11-26T09:00:00Z"), false);
        assertThat(first.previous()).isNull();
        assertThat(first.rows()).isEqualTo(12);
        assertThat(fake.requests(CreateAliasRequest.class)).singleElement()
                .satisfies(a -> assertThat(a.getCollectionName()).isEqualTo("mli_products_v20261126T090000Z"));

        MilvusCollections.Rebuild second = rebuild(Instant.parse("2026-11-26T10:00:00Z"), true);
        assertThat(second.previous()).isEqualTo("mli_products_v20261126T090000Z");
        assertThat(second.previousDropped()).isFalse();
        assertThat(fake.requests(AlterAliasRequest.class)).singleElement()
                .satisfies(a -> assertThat(a.getCollectionName()).isEqualTo("mli_products_v20261126T100000Z"));
        assertThat(fake.collections).containsKeys("mli_products_v20261126T090000Z", "mli_products_v20261126T100000Z");
        assertThat(fake.aliases).containsEntry("mli_products", "mli_products_v20261126T100000Z");

        MilvusCollections.Rebuild third = rebuild(Instant.parse("2026-11-26T11:00:00Z"), false);
        assertThat(third.previousDropped()).isTrue();
        assertThat(fake.requests(DropCollectionRequest.class)).extracting(DropCollectionRequest::getCollectionName)
                .containsExactly("mli_products_v20261126T100000Z");
        assertThat(fake.collections).containsOnlyKeys("mli_products_v20261126T090000Z",
                "mli_products_v20261126T110000Z");
        // Searches through the alias see the new collection.
        try (MilvusVectorStore store = MilvusVectorStore.connect(settings, embedder)) {
            assertThat(store.count()).isEqualTo(12);
        }
    }

    @Test
    void aRebuildRefusesToShadowACollectionNamedLikeTheAlias() {
        try (MilvusCollections c = MilvusCollections.connect(settings, embedder)) {
            c.create("mli_products");
            assertThatThrownBy(() -> c.rebuild(StoreFixtures.corpus(), "mli_products", false))
                    .hasMessageContaining("is a collection, not an alias");
        }
    }

    @Test
    void transientErrorsAreRetried() {
        rebuild(Instant.now(), false);
        try (MilvusVectorStore store = MilvusVectorStore.connect(settings, embedder)) {
            store.count();
            int before = fake.requests(HybridSearchRequest.class).size();
            fake.failNext(2);
            assertThat(store.search(io.mli.common.vector.SearchRequest.hybrid("Nivea cream", null, 3)))
                    .isNotEmpty();
            assertThat(fake.requests(HybridSearchRequest.class).size() - before).isEqualTo(3);
            assertThat(store.unavailableReason()).isNull();
        }
    }

    @Test
    void aMissingCollectionIsAClearError() {
        try (MilvusVectorStore store = MilvusVectorStore.connect(settings.withCollection("nope"), embedder)) {
            assertThatThrownBy(() -> store.search(io.mli.common.vector.SearchRequest.hybrid("x", null, 3)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("'nope' does not exist")
                    .hasMessageContaining("mli kb build --store milvus");
            assertThat(store.unavailableReason()).contains("'nope' does not exist");
        }
    }

    @Test
    void aCollectionBuiltWithAnotherEmbedderIsRefused() {
        rebuild(Instant.now(), false);
        try (MilvusVectorStore store = MilvusVectorStore.connect(settings, new HashedNgramEmbedder(256))) {
            assertThatThrownBy(() -> store.search(io.mli.common.vector.SearchRequest.hybrid("x", null, 3)))
                    .isInstanceOf(StoreMismatchException.class).hasMessageContaining("hashed-ngram-v2-384")
                    .hasMessageContaining("hashed-ngram-v2-256");
        }
    }

    @Test
    void aServerThatIsDownIsReportedAndTheStoreRecoversWhenItReturns() throws Exception {
        rebuild(Instant.now(), false);
        int port = fake.port();
        MilvusSettings s = settings.withTimeouts(1_000, 1_000).withMaxRetries(1);
        try (MilvusVectorStore store = MilvusVectorStore.connect(s, embedder)) {
            store.recheckInterval(Duration.ZERO);
            assertThat(store.unavailableReason()).isNull();

            fake.close();
            assertThat(store.unavailableReason()).contains("Milvus at 127.0.0.1:" + port).contains("unavailable");
            assertThatThrownBy(() -> store.search(io.mli.common.vector.SearchRequest.hybrid("Nivea", null, 3)))
                    .isInstanceOf(MilvusUnavailableException.class).hasMessageContaining("127.0.0.1:" + port);

            fake = FakeMilvus.restart(fake);
            assertThat(store.unavailableReason()).isNull();
            assertThat(store.search(io.mli.common.vector.SearchRequest.hybrid("Nivea", null, 3))).isNotEmpty();
        }
    }

    @Test
    void aStoreCreatedWhileMilvusIsDownConnectsLater() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        MilvusSettings down = MilvusSettings.of("http://127.0.0.1:" + freePort, null, "mli_products")
                .withTimeouts(1_000, 1_000).withMaxRetries(0);
        try (MilvusVectorStore store = MilvusVectorStore.connect(down, embedder)) {
            store.recheckInterval(Duration.ZERO);
            assertThat(store.unavailableReason()).contains("127.0.0.1:" + freePort).contains("unreachable");
            assertThat(store.info().count()).isEqualTo(-1); // info() never fails
            assertThatThrownBy(() -> store.search(io.mli.common.vector.SearchRequest.hybrid("x", null, 3)))
                    .isInstanceOf(MilvusUnavailableException.class);
            try (FakeMilvus late = new FakeMilvus(freePort)) {
                MilvusSettings up = MilvusSettings.of(late.uri(), null, "mli_products");
                try (MilvusCollections c = MilvusCollections.connect(up, embedder)) {
                    c.rebuild(StoreFixtures.corpus(), "mli_products", false);
                }
                assertThat(store.unavailableReason()).isNull();
                assertThat(store.info().count()).isEqualTo(12);
            }
        }
    }
}
