package io.mli.common.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Port: a flat key space of immutable blobs, where knowledge bases are published and loaded from. Adapters: the
 * local file system and Amazon S3. Keys use {@code /} separators.
 */
public interface ObjectStore {

    /** A URI naming the store's root, e.g. {@code file:///var/mli/kb} or {@code s3://bucket/prefix}. */
    String uri();

    Optional<byte[]> get(String key) throws IOException;

    void download(String key, Path target) throws IOException;

    void put(String key, byte[] content) throws IOException;

    void upload(Path source, String key) throws IOException;

    /** Keys under a prefix, sorted. */
    List<String> list(String prefix) throws IOException;
}
