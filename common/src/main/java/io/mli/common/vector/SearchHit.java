package io.mli.common.vector;

/** One search result: the product and its score (higher is better; comparable only within one search). */
public record SearchHit(ProductRecord product, double score) {
}
