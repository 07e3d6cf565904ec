package io.mli.servicekit.agent;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many CPU-bound engine calls run at once. Requests run on virtual threads, which are cheap but add no
 * CPU: without a bound, a burst would time-slice every call into lateness. With one, calls queue briefly and each
 * runs at full speed. Sized to the CPUs by default.
 */
public final class CpuLimiter {
    private final Semaphore permits;
    private final int size;
    private final Duration maxWait;

    public CpuLimiter(int size, Duration maxWait) {
        this.size = size > 0 ? size : Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(this.size);
        this.maxWait = maxWait;
    }

    public int size() {
        return size;
    }

    /** Runs the work under a permit; throws {@link Busy} when none frees up within the maximum wait. */
    public <T> T call(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while waiting for a CPU slot");
        }
        if (!acquired) {
            throw new Busy("all " + size + " CPU slots busy for " + maxWait.toMillis() + " ms");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** No CPU slot in time: the service is overloaded. */
    public static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message, null, false, false);
        }
    }
}
