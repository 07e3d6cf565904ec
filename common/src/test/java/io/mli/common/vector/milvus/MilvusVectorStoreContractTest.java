package io.mli.common.vector.milvus;

import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.VectorStore;
import io.mli.common.vector.VectorStoreContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The shared store contract on the Milvus adapter, against the in-process fake server (brute-force search, see
 * {@link FakeMilvus}); loaded through the rebuild path ({@link MilvusCollections#rebuild}) the build command uses.
 */
class MilvusVectorStoreContractTest extends VectorStoreContract {
    private FakeMilvus fake;

    @Override
    protected VectorStore newStore(HashedNgramEmbedder embedder, List<ProductRecord> corpus) {
        try {
            fake = new FakeMilvus();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MilvusSettings settings = MilvusSettings.of(fake.uri(), null, "mli_products");
        try (MilvusCollections collections = MilvusCollections.connect(settings, embedder)) {
            collections.rebuild(corpus, "mli_products", false);
        }
        return MilvusVectorStore.connect(settings, embedder);
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }
}
