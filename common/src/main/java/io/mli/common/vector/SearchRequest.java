package io.mli.common.vector;

/**
 * A search: the query text (for BM25), its vector (for the dense field), how many hits, which kind of search, and
 * optional filters (null means no filter).
 */
public record SearchRequest(String text, float[] vector, int topK, Mode mode, String category, String language) {

    public enum Mode { HYBRID, VECTOR, TEXT }

    public SearchRequest {
        if (topK <= 0) {
            throw new IllegalArgumentException("topK must be positive");
        }
        mode = mode == null ? Mode.HYBRID : mode;
    }

    public static SearchRequest hybrid(String text, float[] vector, int topK) {
        return new SearchRequest(text, vector, topK, Mode.HYBRID, null, null);
    }
}
