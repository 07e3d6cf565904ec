package io.mli.common.vector.lucene;

import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.VectorStore;
import io.mli.common.vector.VectorStoreContract;
import java.util.List;

/** The shared store contract on the embedded Lucene store. */
class LuceneVectorStoreContractTest extends VectorStoreContract {
    @Override
    protected VectorStore newStore(HashedNgramEmbedder embedder, List<ProductRecord> corpus) {
        LuceneVectorStore s = LuceneVectorStore.inMemory(embedder);
        s.upsert(corpus);
        return s;
    }
}
