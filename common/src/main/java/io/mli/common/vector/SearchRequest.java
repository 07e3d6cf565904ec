package io.mli.common.vector;

import java.util.Set;

/**
 * A search: the query text (for BM25), its vector (for the dense field), how many hits, which kind of search, and
 * optional filters (null means no filter).
 *
 * <p>{@code vector} may be null when the store was given an embedder: it then embeds {@code text} itself.
 * {@code category} matches the product's category path or any path below it ({@code "Beverages"} matches
 * {@code "Beverages /// Juice"}). {@code brandIds} restricts hits to those brands (e.g. the NER candidates);
 * {@code excludeIds} leaves those products out (e.g. the query product itself in leave-one-out calibration).
 */
public record SearchRequest(String text, float[] vector, int topK, Mode mode, String category, String language,
                            Set<String> brandIds, Set<String> excludeIds) {

    public enum Mode { HYBRID, VECTOR, TEXT }

    public SearchRequest {
        if (topK <= 0) {
            throw new IllegalArgumentException("topK must be positive");
        }
        mode = mode == null ? Mode.HYBRID : mode;
        brandIds = brandIds == null || brandIds.isEmpty() ? null : Set.copyOf(brandIds);
        excludeIds = excludeIds == null || excludeIds.isEmpty() ? null : Set.copyOf(excludeIds);
    }

    public SearchRequest(String text, float[] vector, int topK, Mode mode, String category, String language) {
        this(text, vector, topK, mode, category, language, null, null);
    }

    public static SearchRequest hybrid(String text, float[] vector, int topK) {
        return new SearchRequest(text, vector, topK, Mode.HYBRID, null, null);
    }

    public SearchRequest withMode(Mode newMode) {
        return new SearchRequest(text, vector, topK, newMode, category, language, brandIds, excludeIds);
    }

    public SearchRequest withCategory(String newCategory) {
        return new SearchRequest(text, vector, topK, mode, newCategory, language, brandIds, excludeIds);
    }

    public SearchRequest withLanguage(String newLanguage) {
        return new SearchRequest(text, vector, topK, mode, category, newLanguage, brandIds, excludeIds);
    }

    public SearchRequest withBrandIds(Set<String> ids) {
        return new SearchRequest(text, vector, topK, mode, category, language, ids, excludeIds);
    }

    public SearchRequest excluding(Set<String> ids) {
        return new SearchRequest(text, vector, topK, mode, category, language, brandIds, ids);
    }

    /** True when any filter is set. */
    public boolean filtered() {
        return category != null || language != null || brandIds != null || excludeIds != null;
    }
}
