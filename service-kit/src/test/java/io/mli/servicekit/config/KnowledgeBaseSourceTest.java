package io.mli.servicekit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseStore;
import io.mli.common.kb.StarterKnowledgeBase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseSourceTest {

    @Test
    void emptyMeansTheStarter() {
        KnowledgeBaseSource src = new KnowledgeBaseSource("");
        assertThat(src.dir()).isNull();
        assertThat(src.load().version()).isEqualTo(StarterKnowledgeBase.get().version());
        assertThat(src.describe()).contains("starter");
    }

    @Test
    void aDirectoryOrFileUri(@TempDir Path dir) throws Exception {
        KnowledgeBaseStore.save(StarterKnowledgeBase.get(), dir);
        KnowledgeBase byPath = new KnowledgeBaseSource(dir.toString()).load();
        KnowledgeBase byUri = new KnowledgeBaseSource(dir.toUri().toString()).load();
        assertThat(byPath.size()).isEqualTo(StarterKnowledgeBase.get().size());
        assertThat(byUri.version()).isEqualTo(byPath.version());
        assertThat(new KnowledgeBaseSource(dir.toUri().toString()).dir()).isEqualTo(dir);
    }

    @Test
    void clearErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> new KnowledgeBaseSource(dir.resolve("missing").toString()).load())
                .hasMessageContaining("is not a directory");
        // s3:// is loaded from published versions (see KnowledgeBaseRefresherTest and the ner-agent's S3Mock test).
        KnowledgeBaseSource s3 = new KnowledgeBaseSource("s3://bucket/kb");
        assertThat(s3.versioned()).isTrue();
        assertThat(s3.dir()).isNull();
        assertThat(s3.describe()).isEqualTo("s3://bucket/kb");
    }
}
