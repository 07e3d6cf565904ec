package io.mli.llm.engine;

import java.time.InstantSource;

/**
 * At most {@code perMinute} provider calls per minute, as a token bucket that refills continuously (so a burst of
 * {@code perMinute} is allowed, then one call every {@code 60 / perMinute} seconds). Zero means no budget.
 * Thread-safe.
 */
public final class CallBudget {
    private final int perMinute;
    private final InstantSource clock;
    private double tokens;
    private long lastNanos;

    public CallBudget(int perMinute, InstantSource clock) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.tokens = perMinute;
        this.lastNanos = nanos();
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes one call from the budget; false when it is spent. */
    public synchronized boolean tryAcquire() {
        if (perMinute <= 0) {
            return true;
        }
        long now = nanos();
        tokens = Math.min(perMinute, tokens + (now - lastNanos) / 60e9 * perMinute);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private long nanos() {
        var i = clock.instant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
