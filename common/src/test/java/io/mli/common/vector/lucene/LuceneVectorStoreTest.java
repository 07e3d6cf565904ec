package io.mli.common.vector.lucene;

import static io.mli.common.vector.StoreFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.SearchHit;
import io.mli.common.vector.SearchRequest;
import io.mli.common.vector.SearchRequest.Mode;
import io.mli.common.vector.StoreFixtures;
import io.mli.common.vector.StoreMismatchException;
import io.mli.common.vector.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lucene-specific behaviour; the behaviour both stores share is in the contract suite. */
class LuceneVectorStoreTest {
    private final HashedNgramEmbedder embedder = new HashedNgramEmbedder();
    private LuceneVectorStore store;

    @BeforeEach
    void setUp() {
        store = LuceneVectorStore.inMemory(embedder);
        store.upsert(StoreFixtures.corpus());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.product().id()).toList();
    }

    private List<SearchHit> search(String text, Mode mode, int k) {
        return store.search(new SearchRequest(text, null, k, mode, null, null));
    }

    @Test
    void everyModeFindsTheExactTitleFirst() {
        for (Mode mode : Mode.values()) {
            List<SearchHit> hits = search("Mae Ploy Sweet Chili Sauce 920g", mode, 3);
            assertThat(ids(hits)).as(mode.name()).startsWith("p5");
            assertThat(hits.getFirst().product().brand()).isEqualTo("MAE-PLOY");
            assertThat(hits.getFirst().product().category()).isEqualTo("Pantry /// Sauces");
            assertThat(hits.getFirst().product().vector()).isNull();
        }
        assertThat(store.info().count()).isEqualTo(12);
        assertThat(store.info().kind()).isEqualTo("lucene");
        assertThat(store.info().embedderId()).isEqualTo("hashed-ngram-v2-384");
    }

    @Test
    void hitsCarryTheExactCosineSimilarity() {
        String q = "Meiji fresh milk";
        float[] qv = embedder.embed(q);
        for (Mode mode : Mode.values()) {
            for (SearchHit hit : search(q, mode, 5)) {
                double expected = Vectors.dot(qv, embedder.embed(hit.product().title()));
                assertThat(hit.similarity()).as(mode + " " + hit.product().id())
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
            }
        }
        List<SearchHit> vector = search(q, Mode.VECTOR, 5);
        assertThat(vector).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(vector.getFirst().score()).isEqualTo(vector.getFirst().similarity());
    }

    @Test
    void thaiAndMixedQueriesMatchThaiTitlesByText() {
        // A dictionary segmenter splits "มาม่า"; the trigram field still matches it.
        assertThat(ids(search("มาม่า ต้มยำ", Mode.TEXT, 3))).startsWith("p4");
        assertThat(ids(search("บรีสเอกเซล", Mode.TEXT, 3))).startsWith("p12");
        assertThat(ids(search("นมสดเมจิ Meiji", Mode.HYBRID, 2))).contains("p7");
        // Misspelt Latin: trigrams and the n-gram vector still find it.
        assertThat(ids(search("Nivae Sofft Moisturizing Creme", Mode.HYBRID, 1))).containsExactly("p1");
    }

    @Test
    void hybridFusesBothLegsWithReciprocalRanks() {
        List<SearchHit> hits = search("Nivea cream", Mode.HYBRID, 4);
        assertThat(hits.getFirst().product().id()).isEqualTo("p1");
        // Found first by both legs: 2/(60+1).
        assertThat(hits.getFirst().score()).isCloseTo(2.0 / 61, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void filtersByCategoryPrefixLanguageBrandAndExcludedIds() {
        SearchRequest base = new SearchRequest("Nivea Soft Moisturising Cream", null, 10, Mode.HYBRID, null, null);
        assertThat(ids(store.search(base.withCategory("Pantry")))).containsExactlyInAnyOrder("p3", "p4", "p5", "p6");
        assertThat(ids(store.search(base.withCategory("Beauty /// Body Care")))).containsExactly("p2");
        assertThat(ids(store.search(base.withCategory("Beauty///Body Care ")))).containsExactly("p2");
        assertThat(ids(store.search(base.withCategory("Bea")))).isEmpty();
        for (Mode mode : Mode.values()) {
            List<SearchHit> th = store.search(base.withMode(mode).withLanguage("th"));
            assertThat(th).as(mode.name()).allMatch(h -> h.product().language().equals("th"));
        }
        assertThat(ids(store.search(base.withLanguage("th").withMode(Mode.VECTOR))))
                .containsExactlyInAnyOrder("p4", "p6", "p12");
        assertThat(ids(store.search(base.withBrandIds(Set.of("mama", "breeze")).withMode(Mode.VECTOR))))
                .containsExactlyInAnyOrder("p3", "p4", "p11", "p12");
        List<String> excluded = ids(store.search(base.excluding(Set.of("p1"))));
        assertThat(excluded).doesNotContain("p1").startsWith("p2");
    }

    @Test
    void upsertReplacesByIdAndDeleteRemoves() {
        store.upsert(List.of(product("p3", "Yum Yum Instant Noodles Shrimp Creamy Tom Yum", "yumyum",
                "Pantry /// Noodles", "en")));
        assertThat(store.info().count()).isEqualTo(12);
        SearchHit top = search("Yum Yum Shrimp Creamy", Mode.HYBRID, 1).getFirst();
        assertThat(top.product().id()).isEqualTo("p3");
        assertThat(top.product().brandId()).isEqualTo("yumyum");

        store.delete(List.of("p3", "p4", "unknown-id"));
        assertThat(store.info().count()).isEqualTo(10);
        assertThat(ids(search("Mama Instant Noodles Tom Yum Kung", Mode.HYBRID, 12))).doesNotContain("p3", "p4");
        store.delete(List.of());
        assertThat(store.info().count()).isEqualTo(10);
    }

    @Test
    void refusesVectorsOfAnotherDimensionAndProductsWithoutId() {
        assertThatThrownBy(() -> store.upsert(List.of(new ProductRecord("x", "t", "b", "B", null, null,
                new float[12])))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 12").hasMessageContaining("384").hasMessageContaining(embedder.id());
        assertThatThrownBy(() -> store.search(SearchRequest.hybrid("t", new float[10], 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 10");
        assertThatThrownBy(() -> store.upsert(List.of(product(" ", "t", "b", null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThat(store.info().count()).isEqualTo(12); // nothing half-written
    }

    @Test
    void reopensFromDiskAndRefusesAnotherEmbedder(@TempDir Path dir) {
        List<String> before;
        try (LuceneVectorStore disk = LuceneVectorStore.open(dir, embedder)) {
            disk.upsert(StoreFixtures.corpus());
            before = ids(disk.search(SearchRequest.hybrid("Samsung phone 128GB", null, 5)));
        }
        assertThat(LuceneVectorStore.exists(dir)).isTrue();
        assertThat(LuceneVectorStore.commitData(dir)).containsEntry(LuceneVectorStore.EMBEDDER_ID_KEY,
                "hashed-ngram-v2-384").containsEntry(LuceneVectorStore.DIMENSION_KEY, "384");
        try (LuceneVectorStore disk = LuceneVectorStore.open(dir, embedder)) {
            assertThat(disk.info().count()).isEqualTo(12);
            assertThat(ids(disk.search(SearchRequest.hybrid("Samsung phone 128GB", null, 5)))).isEqualTo(before);
            disk.delete(List.of("p9"));
        }
        try (LuceneVectorStore ro = LuceneVectorStore.openReadOnly(dir, embedder)) {
            assertThat(ro.info().count()).isEqualTo(11);
            assertThat(ids(ro.search(SearchRequest.hybrid("Samsung phone 128GB", null, 5)))).doesNotContain("p9");
            assertThatThrownBy(() -> ro.upsert(StoreFixtures.corpus())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only");
        }
        assertThatThrownBy(() -> LuceneVectorStore.open(dir, new HashedNgramEmbedder(256)))
                .isInstanceOf(StoreMismatchException.class)
                .hasMessageContaining("hashed-ngram-v2-384").hasMessageContaining("hashed-ngram-v2-256")
                .hasMessageContaining("rebuild");
        // The failed open released the directory: it opens again with the right embedder.
        try (LuceneVectorStore again = LuceneVectorStore.open(dir, embedder)) {
            assertThat(again.info().count()).isEqualTo(11);
        }
    }

    @Test
    void buildReplacesAnIndexEvenOfAnotherEmbedder(@TempDir Path kb) {
        Path dir = kb.resolve("index");
        try (LuceneVectorStore other = LuceneVectorStore.open(dir, new HashedNgramEmbedder(256))) {
            other.upsert(StoreFixtures.corpus());
        }
        var info = LuceneVectorStore.build(dir, embedder, StoreFixtures.corpus().subList(0, 5));
        assertThat(info.count()).isEqualTo(5);
        assertThat(info.location()).isEqualTo(dir.toString());
        assertThat(java.nio.file.Files.exists(kb.resolve("index.building"))).isFalse();
        assertThat(java.nio.file.Files.exists(kb.resolve("index.old"))).isFalse();
        try (LuceneVectorStore ro = LuceneVectorStore.openReadOnly(dir, embedder)) {
            assertThat(ro.info().count()).isEqualTo(5);
            assertThat(ids(ro.search(SearchRequest.hybrid("Mama Instant Noodles", null, 1)))).containsExactly("p3");
        }
    }

    @Test
    void readOnlyOpenOfAMissingIndexSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> LuceneVectorStore.openReadOnly(dir.resolve("none"), embedder))
                .hasMessageContaining("none");
    }

    @Test
    void closedStoreReportsItselfUnavailable() {
        assertThat(store.unavailableReason()).isNull();
        store.close();
        assertThat(store.unavailableReason()).contains("closed");
        assertThatThrownBy(() -> search("x", Mode.TEXT, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentSearchesDuringWritesSeeConsistentResults() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        List<SearchHit> hits = search("Samsung Galaxy A15 Smartphone 128GB", Mode.HYBRID, 3);
                        assertThat(hits.getFirst().product().id()).isEqualTo("p9");
                    }
                }));
            }
            for (int i = 0; i < 20; i++) {
                store.upsert(List.of(product("extra" + i, "Extra product number " + i, "extra", null, "en")));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.info().count()).isEqualTo(32);
    }
}
