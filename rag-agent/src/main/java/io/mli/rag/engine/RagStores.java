package io.mli.rag.engine;

import io.mli.common.kb.KnowledgeBase;
import io.mli.common.vector.SearchHit;
import io.mli.common.vector.SearchRequest;
import io.mli.common.vector.StoreInfo;
import io.mli.common.vector.VectorStore;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** Opens the vector store a RAG engine searches. (Wired to the Lucene and Milvus adapters when they land.) */
final class RagStores {
    private RagStores() {
    }

    static RagEngine open(KnowledgeBase kb, Path kbDir) {
        VectorStore empty = new VectorStore() {
            @Override
            public StoreInfo info() {
                return new StoreInfo("none", "", "none", 0, 0);
            }

            @Override
            public void upsert(List<io.mli.common.vector.ProductRecord> products) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete(Collection<String> ids) {
            }

            @Override
            public List<SearchHit> search(SearchRequest request) {
                return List.of();
            }

            @Override
            public String unavailableReason() {
                return "no vector index";
            }

            @Override
            public void close() {
            }
        };
        io.mli.common.embed.Embedder none = new io.mli.common.embed.Embedder() {
            public String id() {
                return "none";
            }

            public int dimension() {
                return 1;
            }

            public float[] embed(String text) {
                return new float[] {1};
            }
        };
        return new RagEngine(kb, empty, none, RagSettings.defaults());
    }
}
