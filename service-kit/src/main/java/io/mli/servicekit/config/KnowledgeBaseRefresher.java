package io.mli.servicekit.config;

import io.mli.servicekit.agent.Reloadable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the knowledge base's {@code current} pointer ({@code MLI_KB_POLL_INTERVAL}, default one minute) and, when it
 * has moved, reloads everything built over the knowledge base ({@link Reloadable}). Each reload loads the new version
 * completely beside the old one before swapping, so the service never stops answering. A version that failed to load
 * is tried again only after ten intervals (a transient S3 error heals; a broken version does not flood the logs).
 */
public final class KnowledgeBaseRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseRefresher.class);
    private final KnowledgeBaseSource source;
    private final Supplier<List<Reloadable>> targets;
    private final Duration interval;
    private ScheduledExecutorService timer;
    private String attempted;
    private Instant attemptedAt = Instant.MIN;

    public KnowledgeBaseRefresher(KnowledgeBaseSource source, Supplier<List<Reloadable>> targets,
                                  Duration interval) {
        this.source = source;
        this.targets = targets;
        this.interval = interval;
    }

    /** Starts polling, unless the interval is zero or the source cannot change (starter, plain directory). */
    public KnowledgeBaseRefresher start() {
        if (interval.isZero() || interval.isNegative() || !source.versioned()) {
            return this;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("kb-refresh").daemon()
                .unstarted(r));
        timer.scheduleWithFixedDelay(this::tickSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("polling {} for new knowledge-base versions every {}", source.describe(), interval);
        return this;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (Exception e) {
            LOG.warn("cannot check {} for a new knowledge base: {}", source.describe(), e.getMessage());
        }
    }

    /** One poll: returns the version a reload was started for, if any. */
    public synchronized Optional<String> tick() throws Exception {
        List<Reloadable> all = targets.get();
        String served = source.lastId();
        if (served == null || all.stream().anyMatch(Reloadable::reloading)) {
            return Optional.empty(); // the first load (or a reload) is still running
        }
        Optional<String> newer = source.newer(served);
        if (newer.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (newer.get().equals(attempted) && now.isBefore(attemptedAt.plus(interval.multipliedBy(10)))) {
            return Optional.empty();
        }
        attempted = newer.get();
        attemptedAt = now;
        LOG.info("knowledge base {} published; reloading {} component(s)", newer.get(), all.size());
        all.forEach(Reloadable::reload);
        return newer;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
