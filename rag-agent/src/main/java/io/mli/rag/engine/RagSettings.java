package io.mli.rag.engine;

/**
 * Retrieval settings: how many neighbours vote, and the least share of the vote a brand needs before retrieval
 * answers on its own (without the title naming it).
 */
public record RagSettings(int neighbours, double minShare) {
    public RagSettings {
        if (neighbours <= 0 || minShare < 0 || minShare > 1) {
            throw new IllegalArgumentException("neighbours must be positive and minShare in [0, 1]");
        }
    }

    public static RagSettings defaults() {
        return new RagSettings(12, 0.5);
    }
}
