package io.mli.common.vector;

import static io.mli.common.vector.StoreFixtures.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.vector.SearchRequest.Mode;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link VectorStore} shares, run against the Lucene store and against the Milvus adapter (on the
 * fake server), on the same corpus ({@link StoreFixtures#corpus()}) with the same queries.
 *
 * <p>Tolerance between stores: vector search must return exactly the brute-force top 3 (ids in order) with
 * similarities within 1e-4 of the exact cosine, since both stores re-rank by exact cosine and the corpus is tiny;
 * text and hybrid search must put the expected product first and agree on the top 3 as a set only for queries whose
 * answer is unambiguous (the BM25 analysers differ: Lucene ICU + trigrams, Milvus ICU / the fake's word BM25).
 */
public abstract class VectorStoreContract {
    protected final HashedNgramEmbedder embedder = new HashedNgramEmbedder();
    protected VectorStore store;

    /** A store holding {@code corpus}, embedded with {@code embedder}. */
    protected abstract VectorStore newStore(HashedNgramEmbedder embedder, List<ProductRecord> corpus);

    @BeforeEach
    void createStore() {
        store = newStore(embedder, StoreFixtures.corpus());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.product().id()).toList();
    }

    private List<SearchHit> search(String text, Mode mode, int k) {
        return store.search(new SearchRequest(text, null, k, mode, null, null));
    }

    /** The exact top-k by cosine over the corpus, the reference both stores must reproduce. */
    private List<String> bruteForce(String query, int k) {
        float[] q = embedder.embed(query);
        return StoreFixtures.corpus().stream()
                .sorted(Comparator.comparingDouble((ProductRecord p) -> -Vectors.dot(q, embedder.embed(p.title())))
                        .thenComparing(ProductRecord::id))
                .limit(k).map(ProductRecord::id).toList();
    }

    @Test
    void infoNamesTheEmbedderAndCountsProducts() {
        StoreInfo info = store.info();
        assertThat(info.embedderId()).isEqualTo(embedder.id());
        assertThat(info.dimension()).isEqualTo(384);
        assertThat(info.count()).isEqualTo(12);
        assertThat(store.unavailableReason()).isNull();
    }

    @Test
    void vectorSearchReturnsTheExactNearestNeighbours() {
        for (String q : List.of("Nivea cream", "นมสด เมจิ", "smartphone 256GB", "น้ำจิ้ม", "Breeze detergent")) {
            List<SearchHit> hits = search(q, Mode.VECTOR, 3);
            assertThat(ids(hits)).as(q).isEqualTo(bruteForce(q, 3));
            float[] qv = embedder.embed(q);
            for (SearchHit h : hits) {
                double exact = Vectors.dot(qv, embedder.embed(h.product().title()));
                assertThat(h.similarity()).as(q).isCloseTo(exact, Offset.offset(1e-4));
                assertThat(h.score()).as(q).isCloseTo(exact, Offset.offset(1e-4));
            }
        }
    }

    @Test
    void everyModeFindsAnExactTitleFirstWithItsFields() {
        for (ProductRecord p : StoreFixtures.corpus()) {
            for (Mode mode : Mode.values()) {
                SearchHit top = search(p.title(), mode, 3).getFirst();
                assertThat(top.product().id()).as(mode + " " + p.title()).isEqualTo(p.id());
                assertThat(top.product().brandId()).isEqualTo(p.brandId());
                assertThat(top.product().brand()).isEqualTo(p.brand());
                assertThat(top.product().category()).isEqualTo(p.category());
                assertThat(top.product().language()).isEqualTo(p.language());
                assertThat(top.similarity()).isCloseTo(1.0, Offset.offset(1e-4));
            }
        }
    }

    @Test
    void hybridSearchFusesWithReciprocalRanks() {
        List<SearchHit> hits = search("Mae Ploy Sweet Chili Sauce", Mode.HYBRID, 3);
        assertThat(hits.getFirst().product().id()).isEqualTo("p5");
        // First in both legs: 1/61 + 1/61.
        assertThat(hits.getFirst().score()).isCloseTo(2.0 / 61, Offset.offset(1e-6));
        assertThat(hits).isSortedAccordingTo(Comparator.comparingDouble(SearchHit::score).reversed());
        assertThat(ids(search("Samsung Galaxy smartphone", Mode.HYBRID, 2))).startsWith("p9");
        assertThat(ids(search("Meiji milk", Mode.HYBRID, 2))).containsExactlyInAnyOrder("p7", "p8");
    }

    @Test
    void filtersRestrictEveryMode() {
        SearchRequest base = new SearchRequest("Meiji Nivea Mama noodles milk", null, 12, Mode.HYBRID, null, null);
        for (Mode mode : Mode.values()) {
            SearchRequest r = base.withMode(mode);
            assertThat(store.search(r.withCategory("Pantry")))
                    .as(mode.name()).allMatch(h -> h.product().category().startsWith("Pantry"));
            assertThat(store.search(r.withLanguage("th"))).as(mode.name())
                    .allMatch(h -> h.product().language().equals("th"));
            assertThat(store.search(r.withBrandIds(Set.of("meiji", "mama")))).as(mode.name())
                    .allMatch(h -> Set.of("meiji", "mama").contains(h.product().brandId()));
            assertThat(ids(store.search(r.excluding(Set.of("p7", "p8"))))).as(mode.name())
                    .doesNotContain("p7", "p8");
        }
        SearchRequest vector = base.withMode(Mode.VECTOR);
        assertThat(ids(store.search(vector.withCategory("Pantry /// Noodles"))))
                .containsExactlyInAnyOrder("p3", "p4");
        assertThat(ids(store.search(vector.withCategory(" Household///Laundry "))))
                .containsExactlyInAnyOrder("p11", "p12");
        assertThat(ids(store.search(vector.withCategory("Pant")))).isEmpty();
        assertThat(ids(store.search(vector.withLanguage("th").withBrandIds(Set.of("breeze")))))
                .containsExactly("p12");
    }

    @Test
    void upsertReplacesAndDeleteRemovesById() {
        store.upsert(List.of(product("p1", "Vaseline Intensive Care Lotion 400ml", "vaseline",
                "Beauty /// Body Care /// Lotions", "en"), product("p13", "Lactasoy Soy Milk 300ml", "lactasoy",
                "Dairy /// Milk", "en")));
        assertThat(store.info().count()).isEqualTo(13);
        SearchHit top = search("Vaseline Intensive Care Lotion", Mode.HYBRID, 1).getFirst();
        assertThat(top.product().id()).isEqualTo("p1");
        assertThat(top.product().brandId()).isEqualTo("vaseline");
        assertThat(ids(search("Nivea Soft Moisturising Cream 100ml", Mode.VECTOR, 13))).contains("p1");
        assertThat(search("Nivea Soft Moisturising Cream 100ml", Mode.VECTOR, 1).getFirst().product().id())
                .isNotEqualTo("p1");

        store.delete(List.of("p13", "p3", "does-not-exist"));
        assertThat(store.info().count()).isEqualTo(11);
        assertThat(ids(search("Lactasoy Soy Milk", Mode.HYBRID, 12))).doesNotContain("p13", "p3");
    }

    @Test
    void refusesVectorsOfAnotherDimension() {
        assertThatThrownBy(() -> store.search(SearchRequest.hybrid("x", new float[256], 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 256")
                .hasMessageContaining("384");
        assertThatThrownBy(() -> store.upsert(List.of(new ProductRecord("x", "t", "b", "B", null, null,
                new float[3])))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 3");
        assertThat(store.info().count()).isEqualTo(12);
    }

    @Test
    void aGivenQueryVectorIsUsedAsIs() {
        float[] v = embedder.embed("Xiaomi Redmi Note 13 Smartphone 256GB");
        List<SearchHit> hits = store.search(new SearchRequest(null, v, 1, Mode.VECTOR, null, null));
        assertThat(ids(hits)).containsExactly("p10");
        assertThat(search("", Mode.TEXT, 3)).isEmpty();
    }
}
