package io.mli.servicekit.agent;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads something slow (knowledge base, models, an engine) on its own thread, so the web server and liveness come
 * up at once while readiness waits for the load. A failed load is reported (health says why) rather than killing the
 * process, so the reason is visible through the load balancer and the logs.
 *
 * <p>{@link #reload()} builds a new value the same way while the old one keeps serving, then swaps them in one
 * volatile write, so a request sees either the old value or the complete new one, never a half-loaded one. A failed
 * reload keeps the old value. A replaced value that is {@link AutoCloseable} is closed after a grace period, once the
 * requests that still hold it have finished.
 */
public final class BackgroundLoad<T> implements ServiceReadiness, Reloadable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoad.class);
    static final Duration RETIRE_AFTER = Duration.ofSeconds(30);
    private final String what;
    private final Callable<T> loader;
    private final Consumer<T> onLoaded;
    private final AtomicBoolean loading = new AtomicBoolean();
    private volatile T value;
    private volatile String failure;

    private BackgroundLoad(String what, Callable<T> loader, Consumer<T> onLoaded) {
        this.what = what;
        this.loader = loader;
        this.onLoaded = onLoaded;
    }

    /** Starts loading at once; {@code onLoaded} (may be null) runs after a successful load. */
    public static <T> BackgroundLoad<T> start(String what, Callable<T> loader, Consumer<T> onLoaded) {
        BackgroundLoad<T> load = new BackgroundLoad<>(what, loader, onLoaded);
        load.launch();
        return load;
    }

    /** Already loaded (for tests and for things that are cheap to build); {@link #reload()} does nothing. */
    public static <T> BackgroundLoad<T> done(String what, T value) {
        BackgroundLoad<T> load = new BackgroundLoad<>(what, null, null);
        load.value = value;
        return load;
    }

    @Override
    public void reload() {
        if (loader != null) {
            launch();
        }
    }

    @Override
    public boolean reloading() {
        return loading.get();
    }

    private void launch() {
        if (loading.compareAndSet(false, true)) {
            Thread.ofPlatform().name("load-" + what).daemon().start(this::run);
        }
    }

    private void run() {
        long t0 = System.nanoTime();
        T old = value;
        try {
            T v = loader.call();
            if (onLoaded != null) {
                onLoaded.accept(v);
            }
            value = v;
            failure = null;
            LOG.info("{} {} in {} ms", old == null ? "loaded" : "reloaded", what, (System.nanoTime() - t0) / 1_000_000);
            if (old != null && old != v) {
                retire(old);
            }
        } catch (Exception | LinkageError e) {
            if (old == null) {
                failure = "failed to load " + what + ": " + e.getMessage();
                LOG.error("failed to load {}", what, e);
            } else {
                LOG.error("failed to reload {}; still serving the previous one", what, e);
            }
        } finally {
            loading.set(false);
        }
    }

    private void retire(T old) {
        if (old instanceof AutoCloseable c) {
            Thread.ofVirtual().name("retire-" + what).start(() -> {
                try {
                    Thread.sleep(RETIRE_AFTER);
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing the previous {} failed: {}", what, e.toString());
                }
            });
        }
    }

    /** The loaded value, or null while loading or after a failure. */
    public T get() {
        return value;
    }

    /** Closes the loaded value when it holds resources (Spring calls this when the context closes). */
    @Override
    public void close() throws Exception {
        if (value instanceof AutoCloseable c) {
            c.close();
        }
    }

    @Override
    public String notReadyReason() {
        if (value != null) {
            return null;
        }
        return failure != null ? failure : "loading " + what;
    }
}
