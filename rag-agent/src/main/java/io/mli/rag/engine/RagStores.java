package io.mli.rag.engine;

import io.mli.common.embed.Embedder;
import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.kb.KbLayout;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.vector.VectorStore;
import io.mli.common.vector.lucene.LuceneVectorStore;
import java.nio.file.Path;

/**
 * Opens the store a RAG engine searches on the embedded defaults: the knowledge-base directory's Lucene index
 * (read-only, so several processes can share it), or, when there is none, an in-memory index of the knowledge
 * base's brand names. (The Milvus store is chosen by configuration in the service; see the Milvus adapter.)
 */
final class RagStores {
    private RagStores() {
    }

    static RagEngine open(KnowledgeBase kb, Path kbDir) {
        Embedder embedder = new HashedNgramEmbedder();
        VectorStore store;
        if (kbDir != null && LuceneVectorStore.exists(new KbLayout(kbDir).indexDir())) {
            store = LuceneVectorStore.openReadOnly(new KbLayout(kbDir).indexDir(), embedder);
        } else {
            store = LuceneVectorStore.inMemory(embedder);
            CatalogIndex.addBrandNames(store, embedder, kb);
        }
        return new RagEngine(kb, store, embedder, RagSettings.defaults());
    }
}
