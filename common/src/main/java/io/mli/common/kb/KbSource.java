package io.mli.common.kb;

import io.mli.common.io.FileTrees;
import io.mli.common.io.Json;
import io.mli.common.store.FileObjectStore;
import io.mli.common.store.ObjectKeys;
import io.mli.common.store.ObjectStore;
import io.mli.common.store.ObjectStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a process's knowledge base comes from ({@code MLI_KB_URI}), resolved to a local directory:
 * <ul>
 *   <li>empty: the built-in starter knowledge base (no directory);</li>
 *   <li>a directory holding {@code kb.json}: used in place;</li>
 *   <li>{@code s3://bucket/prefix}, or a directory holding a {@code current} pointer (both written by
 *       {@link KbPublisher}): the version {@code current} names, downloaded into a local cache.</li>
 * </ul>
 * The cache keeps each version in its own directory, downloaded into a fresh temporary directory, checked against
 * the version's manifest and only then renamed into place; so a restart that finds the version there downloads
 * nothing, and nobody ever opens a half-downloaded one. When the store cannot be reached at start, the last version
 * this cache followed is used (with a warning). {@link #newer} lets a caller poll for a newly published version.
 */
public final class KbSource {
    private static final Logger LOG = LoggerFactory.getLogger(KbSource.class);
    private static final String PARTIAL = ".partial-";
    private static final String LAST = "last-current";

    private final String uri;
    private final Path cacheRoot;
    private final Function<String, ObjectStore> stores;
    private volatile ObjectStore store;

    /** A resolved knowledge base: its local directory (null for the starter) and an id that changes with it. */
    public record Snapshot(Path dir, String id) {
        public boolean starter() {
            return dir == null;
        }
    }

    /**
     * @param uri      {@code MLI_KB_URI}; null or blank for the starter
     * @param cacheDir where downloaded versions are kept (writable; e.g. under {@code java.io.tmpdir})
     * @param stores   opens the store a URI names (see {@link ObjectStores#open})
     */
    public KbSource(String uri, Path cacheDir, Function<String, ObjectStore> stores) {
        this.uri = uri == null ? "" : uri.trim();
        this.cacheRoot = cacheDir.resolve(slug(this.uri));
        this.stores = stores;
    }

    /** The default cache directory: {@code <java.io.tmpdir>/mli-kb-cache} (containers keep /tmp writable). */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "mli-kb-cache");
    }

    public String uri() {
        return uri;
    }

    public String describe() {
        return uri.isEmpty() ? "the built-in starter knowledge base" : uri;
    }

    /** True when the knowledge base is published versions behind a {@code current} pointer (S3 or a directory). */
    public boolean versioned() {
        if (uri.isEmpty()) {
            return false;
        }
        if (ObjectStores.isS3(uri)) {
            return true;
        }
        Path p = ObjectStores.localPath(uri);
        return Files.isRegularFile(p.resolve(KbPublisher.CURRENT)) && !Files.isRegularFile(new KbLayout(p).kbFile());
    }

    /** The knowledge base to load now: downloads the current version if the cache does not have it. */
    public synchronized Snapshot resolve() throws IOException {
        if (uri.isEmpty()) {
            return new Snapshot(null, "starter");
        }
        if (!versioned()) {
            Path dir = ObjectStores.localPath(uri);
            if (!Files.isDirectory(dir)) {
                throw new IOException(uri + " is not a directory (nor an s3://bucket/prefix URI)");
            }
            return new Snapshot(dir, dir.toString());
        }
        String pointer;
        try {
            pointer = readPointer();
        } catch (IOException e) {
            Optional<Snapshot> cached = lastCached();
            if (cached.isPresent()) {
                LOG.warn("cannot read {}/{} ({}); using the cached {}", uri, KbPublisher.CURRENT, e.getMessage(),
                        cached.get().id());
                return cached.get();
            }
            throw e;
        }
        return new Snapshot(fetch(pointer), pointer);
    }

    /**
     * The id of a version newer than {@code loadedId} (the {@link Snapshot#id} being served), if {@code current}
     * now points elsewhere; empty for the starter and plain directories, which do not change.
     */
    public Optional<String> newer(String loadedId) throws IOException {
        if (!versioned()) {
            return Optional.empty();
        }
        String pointer = readPointer();
        return pointer.equals(loadedId) ? Optional.empty() : Optional.of(pointer);
    }

    private String readPointer() throws IOException {
        byte[] raw = store().get(KbPublisher.CURRENT).orElseThrow(() -> new IOException(
                "no knowledge base published at " + uri + " (no " + KbPublisher.CURRENT + " object); publish one "
                        + "with: mli kb publish --kb DIR --to " + uri));
        String pointer = new String(raw, StandardCharsets.UTF_8).trim();
        if (!pointer.startsWith(KbPublisher.VERSIONS)) {
            throw new IOException(uri + "/" + KbPublisher.CURRENT + " does not name a version: " + pointer);
        }
        ObjectKeys.check(pointer);
        return pointer;
    }

    /** The local directory of a version, downloading it if it is not cached yet. */
    private Path fetch(String versionPath) throws IOException {
        String name = versionPath.substring(KbPublisher.VERSIONS.length()).replace('/', '_');
        Path target = cacheRoot.resolve(name);
        if (Files.isDirectory(target)) {
            LOG.info("knowledge base {} is cached in {}", versionPath, target);
            remember(versionPath);
            return target;
        }
        Files.createDirectories(cacheRoot);
        Path partial = cacheRoot.resolve(PARTIAL + name + "-" + System.nanoTime());
        try {
            ObjectStore s = store();
            byte[] raw = s.get(versionPath + "/" + KbManifest.FILE_NAME).orElseThrow(() -> new IOException(
                    uri + "/" + versionPath + " has no " + KbManifest.FILE_NAME + " (not a complete version)"));
            KbManifest manifest = Json.MAPPER.readValue(raw, KbManifest.class);
            long t0 = System.nanoTime();
            long bytes = 0;
            for (KbManifest.Entry e : manifest.files()) {
                Path file = partial.resolve(ObjectKeys.check(e.path())).normalize();
                if (!file.startsWith(partial)) {
                    throw new IOException("manifest entry escapes the version: " + e.path());
                }
                s.download(versionPath + "/" + e.path(), file);
                if (Files.size(file) != e.size() || !KbManifest.sha256(file).equals(e.sha256())) {
                    throw new IOException(uri + "/" + versionPath + "/" + e.path()
                            + " does not match its manifest (size or SHA-256)");
                }
                bytes += e.size();
            }
            if (!Files.isRegularFile(new KbLayout(partial).kbFile())) {
                throw new IOException(uri + "/" + versionPath + " has no kb.json");
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // Another process sharing this cache finished the same version first: use theirs.
                LOG.info("knowledge base {} was cached meanwhile by another process", versionPath);
                remember(versionPath);
                return target;
            }
            LOG.info("downloaded knowledge base {} ({} files, {} bytes) into {} in {} ms", versionPath,
                    manifest.files().size(), bytes, target, (System.nanoTime() - t0) / 1_000_000);
        } finally {
            FileTrees.delete(partial);
        }
        remember(versionPath);
        prune(target);
        return target;
    }

    /** Notes the version this cache follows, for a start without the store. */
    private void remember(String versionPath) throws IOException {
        new FileObjectStore(cacheRoot).put(LAST, versionPath.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<Snapshot> lastCached() throws IOException {
        Path last = cacheRoot.resolve(LAST);
        if (!Files.isRegularFile(last)) {
            return Optional.empty();
        }
        String pointer = Files.readString(last).trim();
        Path dir = cacheRoot.resolve(pointer.substring(KbPublisher.VERSIONS.length()).replace('/', '_'));
        return Files.isDirectory(dir) ? Optional.of(new Snapshot(dir, pointer)) : Optional.empty();
    }

    /**
     * Keeps the new version and the one before it (which may still be serving until the swap), and removes older
     * versions and leftovers of downloads interrupted more than an hour ago.
     */
    private void prune(Path keep) throws IOException {
        try (Stream<Path> s = Files.list(cacheRoot)) {
            List<Path> dirs = s.filter(Files::isDirectory).filter(p -> !p.equals(keep))
                    .sorted(Comparator.comparing(KbSource::modified).reversed()).toList();
            boolean keptPrevious = false;
            long hourAgo = System.currentTimeMillis() - 3_600_000L;
            for (Path d : dirs) {
                boolean partial = d.getFileName().toString().startsWith(PARTIAL);
                if (partial ? modified(d) > hourAgo : !keptPrevious) {
                    // a download that may still be running in another process, or the version before this one
                    keptPrevious |= !partial;
                    continue;
                }
                FileTrees.delete(d);
            }
        }
    }

    private ObjectStore store() {
        ObjectStore s = store;
        if (s == null) {
            s = stores.apply(uri);
            store = s;
        }
        return s;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** One cache directory per URI, readable and collision-free. */
    private static String slug(String uri) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
            String readable = uri.replaceAll("^[a-z0-9]+://", "").replaceAll("[^A-Za-z0-9._-]+", "_");
            if (readable.length() > 40) {
                readable = readable.substring(readable.length() - 40);
            }
            return readable + "-" + HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
