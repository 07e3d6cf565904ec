package io.mli.rag.engine;

import io.mli.common.embed.Embedder;
import io.mli.common.embed.Embedders;
import io.mli.common.kb.KbLayout;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.vector.VectorStore;
import io.mli.common.vector.VectorStores;
import io.mli.common.vector.lucene.LuceneVectorStore;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the store a RAG engine searches, as the environment says ({@link VectorStores#fromEnvironment}): Milvus
 * when {@code MILVUS_URI} or {@code MILVUS_HOST} is set, else the knowledge-base directory's Lucene index, else (the
 * starter knowledge base, or a directory without an index) an in-memory index of the knowledge base's brand names.
 * The embedder is the one {@code MLI_EMBEDDER} names (the weight-free hashed n-grams by default); the stores refuse a
 * mismatch with the one the index was built with.
 */
final class RagStores {
    private RagStores() {
    }

    static RagEngine open(KnowledgeBase kb, Path kbDir) {
        return open(kb, kbDir, System.getenv());
    }

    static RagEngine open(KnowledgeBase kb, Path kbDir, Map<String, String> env) {
        Embedder embedder = Embedders.fromEnvironment(env);
        boolean milvus = VectorStores.milvusSettings(env) != null;
        boolean index = kbDir != null && LuceneVectorStore.exists(new KbLayout(kbDir).indexDir());
        VectorStore store = VectorStores.fromEnvironment(env, kbDir, embedder);
        if (!milvus && !index) {
            CatalogIndex.addBrandNames(store, embedder, kb);
        }
        return new RagEngine(kb, store, embedder, RagSettings.defaults());
    }
}
