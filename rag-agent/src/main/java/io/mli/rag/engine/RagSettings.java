package io.mli.rag.engine;

/**
 * Retrieval settings: how many neighbours vote, and the least share of the vote a brand needs before retrieval
 * answers on its own (without the title naming it).
 */
public record RagSettings(int neighbours, double minShare, io.mli.common.vector.SearchRequest.Mode mode) {
    public RagSettings {
        if (neighbours <= 0 || minShare < 0 || minShare > 1) {
            throw new IllegalArgumentException("neighbours must be positive and minShare in [0, 1]");
        }
        mode = mode == null ? io.mli.common.vector.SearchRequest.Mode.HYBRID : mode;
    }

    public static RagSettings defaults() {
        return new RagSettings(12, 0.5, MODE);
    }

    static final io.mli.common.vector.SearchRequest.Mode MODE = io.mli.common.vector.SearchRequest.Mode.valueOf(
            System.getProperty("mli.rag.mode", "HYBRID"));
}
