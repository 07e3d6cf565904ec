package io.mli.common.kb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small knowledge-base directory with every part of {@link KbLayout}, for publishing and loading tests. */
final class KbFixtures {
    private KbFixtures() {
    }

    static Path kbDir(Path dir, String version) throws IOException {
        KnowledgeBase starter = StarterKnowledgeBase.get();
        KnowledgeBase kb = new KnowledgeBase(version, starter.brands(), starter.allAliases(), Map.of());
        KnowledgeBaseStore.save(kb, dir);
        KbLayout layout = new KbLayout(dir);
        Files.createDirectories(layout.nerDir());
        Files.write(layout.nerDir().resolve("crf.ser.gz"), new byte[] {1, 2, 3, (byte) version.hashCode()});
        Files.createDirectories(layout.indexDir());
        Files.writeString(layout.indexDir().resolve("segments_1"), "lucene " + version);
        Files.writeString(layout.calibrationFile(), "{\"version\":\"" + version + "\"}");
        return dir;
    }

    static List<String> relativeFiles(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
