package io.mli.common.vector;

import java.util.Collection;
import java.util.List;

/**
 * Port: the catalog's products with a dense vector and BM25 text, searched by hybrid (fused), vector or text
 * search. Adapters: Lucene on local disk (the embedded default) and Milvus (production). The rest of the code cannot
 * tell them apart; one contract test suite runs against both.
 *
 * <p>Implementations refuse vectors whose dimension differs from the store's, with a clear
 * {@link IllegalArgumentException}.
 */
public interface VectorStore extends AutoCloseable {

    StoreInfo info();

    /** Adds or replaces products by id; visible to searches once this returns. */
    void upsert(List<ProductRecord> products);

    void delete(Collection<String> ids);

    List<SearchHit> search(SearchRequest request);

    /** Null when the store can serve; otherwise why not (e.g. "Milvus at host:19530 unreachable"). */
    default String unavailableReason() {
        return null;
    }

    @Override
    void close();
}
