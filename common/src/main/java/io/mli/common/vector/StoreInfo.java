package io.mli.common.vector;

/** What a store is and holds: its kind ({@code lucene}, {@code milvus}), where, the embedder and size. */
public record StoreInfo(String kind, String location, String embedderId, int dimension, long count) {
}
