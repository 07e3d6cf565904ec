package io.mli.common.kb;

/**
 * One matchable surface form: its matching key, the brand it names, how, and how reliable it has been in the
 * catalog: {@code precision} is the share of catalog titles containing the form whose brand is this brand (1.0 when
 * unseen), which keeps generic words that happen to be brands ({@code Lotus}, {@code Smart}) from winning alone;
 * {@code startPrecision} is the same share over the titles that open with the form, where it means much more
 * ({@code iPhone 15 Pro} is an Apple phone; {@code Case for iPhone} is not an Apple product).
 */
public record AliasEntry(String key, String surface, String brandId, AliasKind kind, double precision, int seen,
                         double startPrecision, int startSeen) {

    public AliasEntry(String key, String surface, String brandId, AliasKind kind, double precision, int seen) {
        this(key, surface, brandId, kind, precision, seen, precision, seen);
    }

    /** How many catalog titles held the form somewhere other than at their start. */
    public int midSeen() {
        return seen - startSeen;
    }

    /**
     * The share of those titles whose brand is this brand, recovered from the two smoothed shares ((hits + 1) / (seen +
     * 1)), and smoothed the same way.
     */
    public double midPrecision() {
        double hits = precision * (seen + 1) - 1;
        double startHits = startPrecision * (startSeen + 1) - 1;
        return (Math.max(0, hits - startHits) + 1.0) / (midSeen() + 1.0);
    }

    /** Whether the catalog saw the form inside titles at least three times, naming its brand there at least half. */
    public boolean namesItsBrandMidTitle() {
        return midSeen() >= 3 && midPrecision() >= 0.5;
    }
}
