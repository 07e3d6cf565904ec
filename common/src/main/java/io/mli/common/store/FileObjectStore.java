package io.mli.common.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link ObjectStore} over a local directory: a key is a relative path. Writes go to a temporary sibling first and
 * are moved into place, so a reader never sees half an object (this is what makes a {@code current} pointer safe).
 */
public final class FileObjectStore implements ObjectStore {
    private static final String TMP_SUFFIX = ".mli-tmp";
    private final Path root;

    public FileObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String uri() {
        return root.toUri().toString();
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void download(String key, Path target) throws IOException {
        Path source = resolve(key);
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException(source.toString(), null, "no object " + key + " in " + uri());
        }
        createParent(target);
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        Path target = resolve(key);
        createParent(target);
        Path tmp = target.resolveSibling(target.getFileName() + TMP_SUFFIX);
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void upload(Path source, String key) throws IOException {
        Path target = resolve(key);
        createParent(target);
        Path tmp = target.resolveSibling(target.getFileName() + TMP_SUFFIX);
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix) && !k.endsWith(TMP_SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    private Path resolve(String key) {
        Path p = root.resolve(ObjectKeys.check(key)).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("key escapes the store: " + key);
        }
        return p;
    }

    private static void createParent(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
