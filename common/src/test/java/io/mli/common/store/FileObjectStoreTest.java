package io.mli.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileObjectStoreTest {
    @TempDir
    Path tmp;

    @Test
    void putGetListDownload() throws Exception {
        FileObjectStore store = new FileObjectStore(tmp.resolve("store"));
        assertThat(store.get("current")).isEmpty();
        assertThat(store.list("")).isEmpty();

        store.put("current", "versions/a".getBytes(StandardCharsets.UTF_8));
        Path src = Files.writeString(tmp.resolve("model.bin"), "crf");
        store.upload(src, "versions/a/ner/model.bin");

        assertThat(store.get("current")).get().extracting(b -> new String(b, StandardCharsets.UTF_8))
                .isEqualTo("versions/a");
        assertThat(store.list("versions/")).containsExactly("versions/a/ner/model.bin");
        assertThat(store.list("")).containsExactly("current", "versions/a/ner/model.bin");

        Path out = tmp.resolve("out/deep/model.bin");
        store.download("versions/a/ner/model.bin", out);
        assertThat(out).hasContent("crf");
        assertThat(store.uri()).startsWith("file:");
    }

    @Test
    void rejectsKeysThatLeaveTheRootAndMissingObjects() {
        FileObjectStore store = new FileObjectStore(tmp);
        assertThatThrownBy(() -> store.put("../outside", new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("a//b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.download("missing", tmp.resolve("x")))
                .isInstanceOf(NoSuchFileException.class);
    }
}
