package io.mli.common.llm;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps any {@link LlmClient} with retries (exponential back-off with jitter, on throttling, 5xx and time-outs only)
 * and a circuit breaker around each attempt, so a provider that is down costs one fast failure per request instead
 * of a time-out, until it recovers. Thread-safe. {@link #lastAttempts()} is per thread, for the usage report.
 */
public final class ResilientLlmClient implements LlmClient {
    private final LlmClient delegate;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final ThreadLocal<AtomicInteger> attempts = ThreadLocal.withInitial(AtomicInteger::new);

    public ResilientLlmClient(LlmClient delegate, LlmSettings settings) {
        this.delegate = delegate;
        this.retry = Retry.of("llm", RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        settings.retryBaseDelay().toMillis(), 2.0, 0.5, settings.retryMaxDelay().toMillis()))
                .retryOnException(e -> e instanceof LlmException le && le.retryable())
                .failAfterMaxAttempts(false)
                .build());
        int window = settings.breakerWindow();
        this.breaker = CircuitBreaker.of("llm", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(Math.min(window, 5))
                .failureRateThreshold(settings.breakerFailureRate())
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(Math.min(window, 3))
                .recordException(e -> e instanceof LlmException le && le.kind().breakerFailure())
                .build());
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        AtomicInteger count = attempts.get();
        count.set(0);
        try {
            return retry.executeSupplier(() -> {
                count.incrementAndGet();
                return breaker.executeSupplier(() -> delegate.complete(request));
            });
        } catch (CallNotPermittedException e) {
            throw new LlmException(LlmException.Kind.CIRCUIT_OPEN, "the LLM provider failed repeatedly; not calling it"
                    + " for up to " + breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)
                    + " ms", e);
        } catch (LlmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LlmException(LlmException.Kind.SERVER_ERROR, "LLM call failed: " + e, e);
        }
    }

    /** Attempts the calling thread's last request took (1 when it succeeded first time). */
    public int lastAttempts() {
        return attempts.get().get();
    }

    /** {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, …: for health details. */
    public String breakerState() {
        return breaker.getState().name();
    }
}
