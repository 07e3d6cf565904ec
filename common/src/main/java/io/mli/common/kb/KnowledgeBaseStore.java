package io.mli.common.kb;

import io.mli.common.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Saves a knowledge base to {@code kb.json} in a directory and loads it back. */
public final class KnowledgeBaseStore {

    /** The on-disk form of {@code kb.json}. */
    public record KbFile(int format, String version, Map<String, Object> metadata, List<Brand> brands,
                         List<AliasEntry> aliases) {
    }

    static final int FORMAT = 1;

    private KnowledgeBaseStore() {
    }

    public static void save(KnowledgeBase kb, Path dir) throws IOException {
        Files.createDirectories(dir);
        KbFile file = new KbFile(FORMAT, kb.version(), kb.metadata(), List.copyOf(kb.brands()), kb.allAliases());
        Path target = new KbLayout(dir).kbFile();
        Path tmp = target.resolveSibling("kb.json.tmp");
        Json.MAPPER.writeValue(tmp.toFile(), file);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static KnowledgeBase load(Path dir) throws IOException {
        Path file = new KbLayout(dir).kbFile();
        if (!Files.isRegularFile(file)) {
            throw new IOException("no knowledge base at " + dir + " (missing " + file.getFileName()
                    + "); build one with: mli kb build --catalog FILE --kb " + dir);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    static KnowledgeBase read(InputStream in, String where) throws IOException {
        KbFile f;
        try {
            f = Json.MAPPER.readValue(in, KbFile.class);
        } catch (RuntimeException e) {
            throw new IOException("cannot read knowledge base " + where + ": " + e.getMessage(), e);
        }
        if (f.format() != FORMAT) {
            throw new IOException("knowledge base " + where + " has format " + f.format() + "; this version reads "
                    + FORMAT + ". Rebuild it with mli kb build.");
        }
        return new KnowledgeBase(f.version(), f.brands(), f.aliases(), f.metadata());
    }

    /** Loads {@code dir}, or the built-in starter knowledge base when {@code dir} is null. */
    public static KnowledgeBase loadOrStarter(Path dir) {
        try {
            return dir == null ? StarterKnowledgeBase.get() : load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
