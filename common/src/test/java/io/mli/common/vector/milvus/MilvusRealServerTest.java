package io.mli.common.vector.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.SearchHit;
import io.mli.common.vector.SearchRequest;
import io.mli.common.vector.SearchRequest.Mode;
import io.mli.common.vector.StoreFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.milvus.MilvusContainer;

/**
 * The adapter against the real {@code milvusdb/milvus} server: real BM25 with the ICU analyser, real HNSW, real
 * hybrid ranking, real aliases. Runs where a Docker engine exists; elsewhere JUnit reports it skipped ("disabled
 * because Docker is not available"). Image: {@code -Dmli.milvus.image=milvusdb/milvus:v2.6.x} (ICU needs 2.5.11+).
 */
@Testcontainers(disabledWithoutDocker = true)
class MilvusRealServerTest {
    @Container
    static final MilvusContainer MILVUS = new MilvusContainer(System.getProperty("mli.milvus.image",
            "milvusdb/milvus:v2.6.0"));

    private final HashedNgramEmbedder embedder = new HashedNgramEmbedder();

    @Test
    void rebuildsSearchesFiltersAndSwitchesTheAlias() {
        MilvusSettings settings = MilvusSettings.of(MILVUS.getEndpoint(), null, "mli_products")
                .withTimeouts(10_000, 30_000);
        MilvusCollections.Rebuild first;
        try (MilvusCollections c = MilvusCollections.connect(settings, embedder)) {
            first = c.rebuild(StoreFixtures.corpus(), "mli_products", false);
        }
        try (MilvusVectorStore store = MilvusVectorStore.connect(settings, embedder)) {
            assertThat(store.unavailableReason()).isNull();
            assertThat(store.count()).isEqualTo(12);
            for (ProductRecord p : StoreFixtures.corpus()) {
                for (Mode mode : Mode.values()) {
                    List<SearchHit> hits = store.search(new SearchRequest(p.title(), null, 3, mode, null, null));
                    assertThat(hits.getFirst().product().id()).as(mode + " " + p.title()).isEqualTo(p.id());
                }
            }
            assertThat(store.search(new SearchRequest("มาม่า", null, 3, Mode.TEXT, null, null)))
                    .extracting(h -> h.product().id()).contains("p4");
            assertThat(store.search(new SearchRequest("milk", null, 12, Mode.VECTOR, "Dairy", "en")))
                    .extracting(h -> h.product().id()).containsExactly("p8");
        }
        try (MilvusCollections c = MilvusCollections.connect(settings, embedder)) {
            MilvusCollections.Rebuild second = c.rebuild(StoreFixtures.corpus().subList(0, 5), "mli_products",
                    false);
            assertThat(second.previous()).isEqualTo(first.collection());
            assertThat(c.aliasTarget("mli_products")).isEqualTo(second.collection());
        }
        try (MilvusVectorStore store = MilvusVectorStore.connect(settings, embedder)) {
            assertThat(store.count()).isEqualTo(5);
        }
    }
}
