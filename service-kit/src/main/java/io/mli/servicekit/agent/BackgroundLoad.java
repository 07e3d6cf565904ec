package io.mli.servicekit.agent;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads something slow (knowledge base, models, an engine) on its own thread, so the web server and liveness come
 * up at once while readiness waits for the load. A failed load is reported (health says why) rather than killing the
 * process, so the reason is visible through the load balancer and the logs.
 */
public final class BackgroundLoad<T> implements ServiceReadiness {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoad.class);
    private final String what;
    private volatile T value;
    private volatile String failure;

    private BackgroundLoad(String what) {
        this.what = what;
    }

    /** Starts loading at once; {@code onLoaded} (may be null) runs after a successful load. */
    public static <T> BackgroundLoad<T> start(String what, Callable<T> loader, Consumer<T> onLoaded) {
        BackgroundLoad<T> load = new BackgroundLoad<>(what);
        Thread.ofPlatform().name("load-" + what).daemon().start(() -> load.run(loader, onLoaded));
        return load;
    }

    /** Already loaded (for tests and for things that are cheap to build). */
    public static <T> BackgroundLoad<T> done(String what, T value) {
        BackgroundLoad<T> load = new BackgroundLoad<>(what);
        load.value = value;
        return load;
    }

    private void run(Callable<T> loader, Consumer<T> onLoaded) {
        long t0 = System.nanoTime();
        try {
            T v = loader.call();
            if (onLoaded != null) {
                onLoaded.accept(v);
            }
            value = v;
            LOG.info("loaded {} in {} ms", what, (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | LinkageError e) {
            failure = "failed to load " + what + ": " + e.getMessage();
            LOG.error("failed to load {}", what, e);
        }
    }

    /** The loaded value, or null while loading or after a failure. */
    public T get() {
        return value;
    }

    @Override
    public String notReadyReason() {
        if (value != null) {
            return null;
        }
        return failure != null ? failure : "loading " + what;
    }
}
