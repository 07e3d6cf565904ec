package io.mli.common.vector;

/**
 * One search result: the product and its score (higher is better; comparable only within one search).
 *
 * <p>{@code score} depends on the mode: cosine similarity for {@link SearchRequest.Mode#VECTOR}, BM25 for
 * {@link SearchRequest.Mode#TEXT}, and the reciprocal-rank-fusion score ({@code sum of 1/(k + rank)}, k = 60) for
 * {@link SearchRequest.Mode#HYBRID}. {@code similarity} is always the exact cosine similarity between the query vector
 * and the product's vector, whichever leg found the product, so that callers can weight votes by it; it is
 * {@link Double#NaN} when the search had no query vector.
 */
public record SearchHit(ProductRecord product, double score, double similarity) {

    public SearchHit(ProductRecord product, double score) {
        this(product, score, Double.NaN);
    }
}
