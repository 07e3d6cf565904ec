package io.mli.common.llm;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * How the LLM agent calls its provider: time-outs, retries, the circuit breaker, the calls-per-minute budget, the
 * price used to estimate cost, and the generation parameters. {@link #defaults()} suits Amazon Nova Pro on demand;
 * {@link #fromEnvironment} reads the {@code LLM_*} variables listed in {@code docs/architecture.md}.
 *
 * @param connectTimeout        time to open a connection to the provider
 * @param callTimeout           time for one attempt (request sent to answer read)
 * @param maxAttempts           attempts per request, first one included (1 = no retry); only throttling, 5xx and
 *                              time-outs are retried
 * @param retryBaseDelay        first back-off; it doubles per attempt, randomised by ±50% (jitter)
 * @param retryMaxDelay         cap on one back-off
 * @param breakerWindow         calls the circuit breaker looks back over
 * @param breakerFailureRate    failure percentage in the window that opens the breaker
 * @param breakerOpenFor        how long an open breaker refuses calls before letting a few through
 * @param callsPerMinute        requests per minute the agent may make; beyond it answers SKIPPED (0 = no budget)
 * @param inputPricePer1k       USD per 1,000 input tokens (Nova Pro on demand, us-east-1: 0.0008)
 * @param outputPricePer1k      USD per 1,000 output tokens (Nova Pro on demand, us-east-1: 0.0032)
 * @param maxTokens             generation limit; the answer is a small JSON object
 * @param temperature           0 for repeatable answers
 * @param maxCandidates         candidate brands offered to the model at most
 */
public record LlmSettings(
        Duration connectTimeout,
        Duration callTimeout,
        int maxAttempts,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        int breakerWindow,
        float breakerFailureRate,
        Duration breakerOpenFor,
        int callsPerMinute,
        double inputPricePer1k,
        double outputPricePer1k,
        int maxTokens,
        double temperature,
        int maxCandidates) {

    public LlmSettings {
        if (maxAttempts < 1 || breakerWindow < 1 || maxTokens < 1 || callsPerMinute < 0 || maxCandidates < 0) {
            throw new IllegalArgumentException("LLM settings out of range: " + maxAttempts + " attempts, window "
                    + breakerWindow + ", " + maxTokens + " tokens, " + callsPerMinute + " calls/min");
        }
        if (breakerFailureRate <= 0 || breakerFailureRate > 100) {
            throw new IllegalArgumentException("breaker failure rate must be in (0, 100]");
        }
    }

    public static LlmSettings defaults() {
        return new LlmSettings(Duration.ofSeconds(3), Duration.ofSeconds(20), 3, Duration.ofMillis(250),
                Duration.ofSeconds(4), 20, 50f, Duration.ofSeconds(30), 120, 0.0008, 0.0032, 300, 0.0, 12);
    }

    /**
     * The defaults overridden by {@code LLM_TIMEOUT_SECONDS}, {@code LLM_MAX_ATTEMPTS}, {@code LLM_CALLS_PER_MINUTE},
     * {@code LLM_PRICE_INPUT_PER_1K}, {@code LLM_PRICE_OUTPUT_PER_1K} and {@code LLM_MAX_TOKENS}. A value that does
     * not parse is an error that names the variable, not a silent default.
     */
    public static LlmSettings fromEnvironment(Map<String, String> env) {
        LlmSettings d = defaults();
        return new LlmSettings(d.connectTimeout,
                read(env, "LLM_TIMEOUT_SECONDS", v -> Duration.ofMillis((long) (Double.parseDouble(v) * 1000)),
                        d.callTimeout),
                read(env, "LLM_MAX_ATTEMPTS", Integer::parseInt, d.maxAttempts),
                d.retryBaseDelay, d.retryMaxDelay, d.breakerWindow, d.breakerFailureRate, d.breakerOpenFor,
                read(env, "LLM_CALLS_PER_MINUTE", Integer::parseInt, d.callsPerMinute),
                read(env, "LLM_PRICE_INPUT_PER_1K", Double::parseDouble, d.inputPricePer1k),
                read(env, "LLM_PRICE_OUTPUT_PER_1K", Double::parseDouble, d.outputPricePer1k),
                read(env, "LLM_MAX_TOKENS", Integer::parseInt, d.maxTokens),
                d.temperature, d.maxCandidates);
    }

    private static <T> T read(Map<String, String> env, String name, Function<String, T> parse, T fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(v.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " is not valid: '" + v + "'", e);
        }
    }

    /** Estimated cost in USD of one call. */
    public double costUsd(int inputTokens, int outputTokens) {
        return inputTokens / 1000.0 * inputPricePer1k + outputTokens / 1000.0 * outputPricePer1k;
    }

    public LlmSettings withRetries(int attempts, Duration baseDelay, Duration maxDelay) {
        return new LlmSettings(connectTimeout, callTimeout, attempts, baseDelay, maxDelay, breakerWindow,
                breakerFailureRate, breakerOpenFor, callsPerMinute, inputPricePer1k, outputPricePer1k, maxTokens,
                temperature, maxCandidates);
    }

    public LlmSettings withTimeouts(Duration connect, Duration call) {
        return new LlmSettings(connect, call, maxAttempts, retryBaseDelay, retryMaxDelay, breakerWindow,
                breakerFailureRate, breakerOpenFor, callsPerMinute, inputPricePer1k, outputPricePer1k, maxTokens,
                temperature, maxCandidates);
    }

    public LlmSettings withBreaker(int window, float failureRate, Duration openFor) {
        return new LlmSettings(connectTimeout, callTimeout, maxAttempts, retryBaseDelay, retryMaxDelay, window,
                failureRate, openFor, callsPerMinute, inputPricePer1k, outputPricePer1k, maxTokens, temperature,
                maxCandidates);
    }

    public LlmSettings withCallsPerMinute(int perMinute) {
        return new LlmSettings(connectTimeout, callTimeout, maxAttempts, retryBaseDelay, retryMaxDelay, breakerWindow,
                breakerFailureRate, breakerOpenFor, perMinute, inputPricePer1k, outputPricePer1k, maxTokens,
                temperature, maxCandidates);
    }

    public LlmSettings withPrices(double inputPer1k, double outputPer1k) {
        return new LlmSettings(connectTimeout, callTimeout, maxAttempts, retryBaseDelay, retryMaxDelay, breakerWindow,
                breakerFailureRate, breakerOpenFor, callsPerMinute, inputPer1k, outputPer1k, maxTokens, temperature,
                maxCandidates);
    }
}
