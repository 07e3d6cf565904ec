package io.mli.hybrid.engine;

/**
 * When the hybrid pipeline stops: {@code nerSure} is the NER score at which a brand found at the start of the
 * title is taken without asking retrieval; {@code ragShare} the share of the restricted vote at which retrieval
 * confirms a NER candidate.
 */
public record HybridSettings(double nerSure, double ragShare) {
    public static HybridSettings defaults() {
        return new HybridSettings(0.9, 0.5);
    }
}
