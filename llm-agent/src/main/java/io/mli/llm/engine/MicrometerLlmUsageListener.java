package io.mli.llm.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records LLM usage under the names of {@code docs/architecture.md}: {@code mli.llm.tokens} (counter, tag
 * {@code direction} = {@code input} | {@code output}) and {@code mli.llm.cost} (counter, USD).
 */
public final class MicrometerLlmUsageListener implements LlmUsageListener {
    private final Counter input;
    private final Counter output;
    private final Counter cost;

    public MicrometerLlmUsageListener(MeterRegistry registry) {
        this.input = Counter.builder("mli.llm.tokens").tag("direction", "input").baseUnit("tokens")
                .description("LLM tokens sent").register(registry);
        this.output = Counter.builder("mli.llm.tokens").tag("direction", "output").baseUnit("tokens")
                .description("LLM tokens received").register(registry);
        this.cost = Counter.builder("mli.llm.cost").baseUnit("usd")
                .description("estimated LLM cost in USD").register(registry);
    }

    @Override
    public void onCall(String modelId, int inputTokens, int outputTokens, double costUsd) {
        input.increment(inputTokens);
        output.increment(outputTokens);
        cost.increment(costUsd);
    }
}
