package io.mli.common.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.vector.lucene.LuceneVectorStore;
import io.mli.common.vector.milvus.MilvusSettings;
import io.mli.common.vector.milvus.MilvusVectorStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorStoresTest {
    private final HashedNgramEmbedder embedder = new HashedNgramEmbedder();

    @Test
    void milvusUriWinsOverHostAndPort() {
        MilvusSettings s = VectorStores.milvusSettings(Map.of("MILVUS_URI", "http://milvus.local:19531",
                "MILVUS_HOST", "other", "MILVUS_TOKEN", "root:Milvus", "MILVUS_COLLECTION", "products_b"));
        assertThat(s.uri()).isEqualTo("http://milvus.local:19531");
        assertThat(s.token()).isEqualTo("root:Milvus");
        assertThat(s.collection()).isEqualTo("products_b");
        assertThat(s.toString()).doesNotContain("Milvus\"").doesNotContain("root:Milvus");
    }

    @Test
    void hostAndPortMakeTheUriWithTheDefaultPort() {
        assertThat(VectorStores.milvusSettings(Map.of("MILVUS_HOST", "milvus.multilingual-inference.local"))
                .uri()).isEqualTo("http://milvus.multilingual-inference.local:19530");
        assertThat(VectorStores.milvusSettings(Map.of("MILVUS_HOST", "m", "MILVUS_PORT", "29530")).uri())
                .isEqualTo("http://m:29530");
        assertThat(VectorStores.milvusSettings(Map.of("MILVUS_URI", "m:19530")).uri()).isEqualTo("http://m:19530");
        assertThat(VectorStores.milvusSettings(Map.of("MILVUS_HOST", "m")).collection()).isEqualTo("mli_products");
    }

    @Test
    void nothingOrOnlyAPortMeansLucene() {
        assertThat(VectorStores.milvusSettings(Map.of())).isNull();
        assertThat(VectorStores.milvusSettings(Map.of("MILVUS_PORT", "19530", "MILVUS_HOST", " "))).isNull();
    }

    @Test
    void choosesTheStore(@TempDir Path kb) {
        try (VectorStore s = VectorStores.fromEnvironment(Map.of("MILVUS_HOST", "127.0.0.1", "MILVUS_PORT", "1"),
                kb, embedder)) {
            assertThat(s).isInstanceOf(MilvusVectorStore.class); // lazily connected: no server needed here
            assertThat(s.info().kind()).isEqualTo("milvus");
        }
        try (VectorStore s = VectorStores.fromEnvironment(Map.of(), kb, embedder)) {
            assertThat(s.info().location()).isEqualTo("memory"); // no index in the knowledge base yet
        }
        try (LuceneVectorStore w = LuceneVectorStore.open(kb.resolve("index"), embedder)) {
            w.upsert(List.of(StoreFixtures.product("a", "Nivea Cream", "nivea", null, "en")));
        }
        try (VectorStore s = VectorStores.fromEnvironment(Map.of(), kb, embedder)) {
            assertThat(s.info().kind()).isEqualTo("lucene");
            assertThat(s.info().location()).isEqualTo(kb.resolve("index").toString());
            assertThat(s.info().count()).isEqualTo(1);
        }
    }
}
