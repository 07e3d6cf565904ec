package io.mli.servicekit.config;

import io.mli.common.kb.KbSource;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseStore;
import io.mli.common.store.ObjectStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a service's knowledge base comes from ({@code MLI_KB_URI}): nothing for the built-in starter, a directory
 * (or {@code file:} URI) holding {@code kb.json}, or versions published by {@code mli kb publish} to
 * {@code s3://bucket/prefix} (or to a directory), loaded through the {@code ObjectStore} port into a local cache
 * ({@code MLI_KB_CACHE_DIR}) by {@link KbSource}. {@link KnowledgeBaseRefresher} polls it for a new version.
 */
public final class KnowledgeBaseSource {
    private final KbSource source;
    private volatile Snapshot last;

    /** What a load produced: the knowledge base, its directory (null for the starter) and the version's id. */
    public record Snapshot(KnowledgeBase kb, Path dir, String id) {
    }

    /** Over {@code uri} with the default cache directory (under {@code java.io.tmpdir}). */
    public KnowledgeBaseSource(String uri) {
        this(uri, null, null);
    }

    /**
     * @param cacheDir    where downloaded versions are kept; null or blank for the default under java.io.tmpdir
     * @param endpointUrl an S3-compatible endpoint (MinIO, tests); null or blank for AWS (or
     *                    {@code AWS_ENDPOINT_URL_S3})
     */
    public KnowledgeBaseSource(String uri, String cacheDir, String endpointUrl) {
        Path cache = cacheDir == null || cacheDir.isBlank() ? KbSource.defaultCacheDir() : Path.of(cacheDir.trim());
        Optional<URI> endpoint = endpointUrl == null || endpointUrl.isBlank() ? Optional.empty()
                : Optional.of(URI.create(endpointUrl.trim()));
        this.source = new KbSource(uri, cache, u -> ObjectStores.open(u, endpoint, System.getenv()));
    }

    /** Resolves the current version (downloading it if it is not cached) and loads its {@code kb.json}. */
    public Snapshot snapshot() {
        try {
            KbSource.Snapshot s = source.resolve();
            KnowledgeBase kb = KnowledgeBaseStore.loadOrStarter(s.dir());
            Snapshot loaded = new Snapshot(kb, s.dir(), s.id());
            last = loaded;
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("MLI_KB_URI: " + e.getMessage(), e);
        }
    }

    /** Loads it; throws with a clear message when it cannot. */
    public KnowledgeBase load() {
        return snapshot().kb();
    }

    /**
     * The directory of the last load; before the first one, a plain directory's path. Null for the starter (and for
     * published versions before their first load).
     */
    public Path dir() {
        Snapshot s = last;
        if (s != null) {
            return s.dir();
        }
        return source.uri().isEmpty() || source.versioned() ? null : ObjectStores.localPath(source.uri());
    }

    /** The id of the version last resolved (null before the first load). */
    public String lastId() {
        Snapshot s = last;
        return s == null ? null : s.id();
    }

    /** True when new versions can appear (published versions behind a {@code current} pointer). */
    public boolean versioned() {
        return source.versioned();
    }

    /** A newer version's id than {@code id}, if {@code current} has moved. */
    public Optional<String> newer(String id) throws IOException {
        return source.newer(id);
    }

    public String describe() {
        return source.describe();
    }
}
