package io.mli.common.kb;

import io.mli.common.io.Json;
import io.mli.common.store.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Publishes a built knowledge-base directory to an {@link ObjectStore} as a new immutable version, then moves the
 * store's {@code current} pointer to it. Layout under the store's root:
 * <pre>
 *   versions/&lt;kb version&gt;-&lt;UTC timestamp&gt;/kb.json, ner/..., index/..., calibration.json, manifest.json
 *   current      the text "versions/&lt;id&gt;", written last
 * </pre>
 * The manifest is written after every file, and the pointer after the manifest: a reader that follows the pointer
 * always finds a complete version, and a publish that fails half-way leaves the services on the old one.
 */
public final class KbPublisher {
    /** The pointer's key. */
    public static final String CURRENT = "current";
    /** Where versions live. */
    public static final String VERSIONS = "versions/";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ObjectStore store;
    private final Clock clock;
    private final Consumer<String> progress;

    /** @param progress receives one line per uploaded file (may be a no-op) */
    public KbPublisher(ObjectStore store, Clock clock, Consumer<String> progress) {
        this.store = store;
        this.clock = clock;
        this.progress = progress;
    }

    /** What a publish did. */
    public record Published(String versionPath, String kbVersion, int files, long bytes, String storeUri) {
    }

    /** Uploads every file under {@code kbDir} as a new version and points {@code current} at it. */
    public Published publish(Path kbDir) throws IOException {
        KnowledgeBase kb = KnowledgeBaseStore.load(kbDir); // also proves the directory is a loadable knowledge base
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String versionPath = VERSIONS + safe(kb.version()) + "-" + STAMP.format(now);
        if (store.get(versionPath + "/" + KbManifest.FILE_NAME).isPresent()) {
            throw new IOException(store.uri() + "/" + versionPath + " already exists; versions are immutable "
                    + "(publish again in a second)");
        }
        List<KbManifest.Entry> entries = new ArrayList<>();
        long bytes = 0;
        for (Path file : files(kbDir)) {
            String rel = kbDir.relativize(file).toString().replace('\\', '/');
            long size = Files.size(file);
            entries.add(new KbManifest.Entry(rel, size, KbManifest.sha256(file)));
            store.upload(file, versionPath + "/" + rel);
            bytes += size;
            progress.accept("uploaded " + rel + " (" + size + " bytes)");
        }
        KbManifest manifest = new KbManifest(KbManifest.FORMAT, kb.version(), now.toString(), entries);
        store.put(versionPath + "/" + KbManifest.FILE_NAME, Json.MAPPER.writeValueAsBytes(manifest));
        store.put(CURRENT, (versionPath + "\n").getBytes(StandardCharsets.UTF_8));
        return new Published(versionPath, kb.version(), entries.size(), bytes, store.uri());
    }

    /** Every regular file under the directory, sorted, without our own temporary files. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                    .filter(p -> !p.getFileName().toString().equals(KbManifest.FILE_NAME))
                    .sorted()
                    .toList();
        }
    }

    /** A knowledge-base version as a key segment. */
    static String safe(String version) {
        String v = version == null || version.isBlank() ? "kb" : version.trim();
        String s = v.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}
