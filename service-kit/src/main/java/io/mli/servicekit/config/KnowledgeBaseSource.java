package io.mli.servicekit.config;

import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a service's knowledge base comes from ({@code MLI_KB_URI}): a directory (or {@code file:} URI), or nothing
 * for the built-in starter knowledge base. {@code s3://} is recognised but not loaded by the services yet: sync it
 * to a directory (the image's entrypoint can) and point {@code MLI_KB_URI} there.
 */
public final class KnowledgeBaseSource {
    private final String uri;
    private final Path dir;

    public KnowledgeBaseSource(String uri) {
        this.uri = uri == null ? "" : uri.trim();
        this.dir = this.uri.isEmpty() || this.uri.startsWith("s3://") ? null
                : this.uri.startsWith("file:") ? Path.of(URI.create(this.uri)) : Path.of(this.uri);
    }

    /** The knowledge-base directory, or null for the starter. */
    public Path dir() {
        return dir;
    }

    public String describe() {
        return uri.isEmpty() ? "the built-in starter knowledge base" : uri;
    }

    /** Loads it; throws with a clear message when it cannot. */
    public KnowledgeBase load() {
        if (uri.startsWith("s3://")) {
            throw new IllegalStateException("MLI_KB_URI=" + uri + ": the services load knowledge bases from a "
                    + "directory; copy it there first (aws s3 sync " + uri + " /var/mli/kb) and set MLI_KB_URI to it");
        }
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalStateException("MLI_KB_URI=" + uri + " is not a directory");
        }
        return KnowledgeBaseStore.loadOrStarter(dir);
    }
}
