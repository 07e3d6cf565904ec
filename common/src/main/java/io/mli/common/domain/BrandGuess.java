package io.mli.common.domain;

import java.util.List;

/**
 * One brand an agent proposes. {@code id} is the knowledge-base id, or null for a brand found in the title that the
 * knowledge base does not know yet; {@code name} is the canonical name (or the span as written, for a new brand);
 * {@code aliases} are the brand's known names; {@code score} is in [0, 1] and, once calibrated, a probability.
 */
public record BrandGuess(String id, String name, List<String> aliases, double score, List<Evidence> evidence) {
    public BrandGuess {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a brand guess needs a name");
        }
    }

    public BrandGuess withScore(double newScore) {
        return new BrandGuess(id, name, aliases, newScore, evidence);
    }

    /** True when both guesses name the same brand: same id, or (for new brands) the same matching key. */
    public boolean sameBrand(BrandGuess other) {
        if (other == null) {
            return false;
        }
        if (id != null && other.id != null) {
            return id.equals(other.id);
        }
        return io.mli.common.text.BrandKeys.key(name).equals(io.mli.common.text.BrandKeys.key(other.name));
    }
}
