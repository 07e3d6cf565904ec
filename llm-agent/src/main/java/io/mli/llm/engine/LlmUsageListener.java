package io.mli.llm.engine;

/**
 * Told about every provider call that returned, with its token counts and estimated cost, so the service can count
 * {@code mli.llm.tokens} and {@code mli.llm.cost} (see {@link MicrometerLlmUsageListener}) without the engine knowing
 * about the metrics system. Must be thread-safe and quick.
 */
@FunctionalInterface
public interface LlmUsageListener {
    LlmUsageListener NONE = (model, in, out, cost) -> { };

    void onCall(String modelId, int inputTokens, int outputTokens, double costUsd);
}
