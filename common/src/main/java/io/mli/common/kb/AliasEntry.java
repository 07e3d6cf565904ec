package io.mli.common.kb;

/**
 * One matchable surface form: its matching key, the brand it names, how, and how reliable it has been in the
 * catalog: {@code precision} is the share of catalog titles containing the form whose brand is this brand (1.0 when
 * unseen), which keeps generic words that happen to be brands ({@code Lotus}, {@code Smart}) from winning alone.
 */
public record AliasEntry(String key, String surface, String brandId, AliasKind kind, double precision, int seen) {
}
