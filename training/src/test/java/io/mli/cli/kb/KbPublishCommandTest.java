package io.mli.cli.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.mli.cli.CliRun;
import io.mli.common.kb.KbSource;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseStore;
import io.mli.common.kb.StarterKnowledgeBase;
import io.mli.common.store.ObjectStores;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code mli kb publish} against S3Mock, read back the way the services read it. */
class KbPublishCommandTest {
    @RegisterExtension
    static final S3MockExtension S3 = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets("models").build();

    @TempDir
    Path tmp;

    @BeforeAll
    static void credentials() {
        // The command uses the SDK's default credentials chain; S3Mock accepts any key.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    Path kbDir(String version) throws Exception {
        Path dir = tmp.resolve("kb-" + version);
        KnowledgeBase s = StarterKnowledgeBase.get();
        KnowledgeBaseStore.save(new KnowledgeBase(version, s.brands(), s.allAliases(), Map.of()), dir);
        Files.createDirectories(dir.resolve("ner"));
        Files.writeString(dir.resolve("ner/model.txt"), "crf " + version);
        Files.writeString(dir.resolve("calibration.json"), "{}");
        return dir;
    }

    @Test
    void publishesToS3AndTheServicesSourceLoadsIt() throws Exception {
        Path kb = kbDir("kb-test-1");
        CliRun run = CliRun.of("kb", "publish", "--kb", kb.toString(), "--to", "s3://models/fleet/kb",
                "--endpoint-url", S3.getServiceEndpoint());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("published knowledge base kb-test-1: s3://models/fleet/kb/versions/kb-test-1-")
                .contains("(3 files,").contains("s3://models/fleet/kb/current -> versions/kb-test-1-")
                .contains("MLI_KB_URI=s3://models/fleet/kb");
        assertThat(run.err()).contains("uploaded kb.json").contains("uploaded ner/model.txt");

        KbSource source = new KbSource("s3://models/fleet/kb", tmp.resolve("cache"),
                u -> ObjectStores.open(u, Optional.of(URI.create(S3.getServiceEndpoint())), Map.of()));
        KbSource.Snapshot snap = source.resolve();
        assertThat(snap.id()).startsWith("versions/kb-test-1-");
        assertThat(KnowledgeBaseStore.load(snap.dir()).version()).isEqualTo("kb-test-1");
        assertThat(snap.dir().resolve("ner/model.txt")).hasContent("crf kb-test-1");
    }

    @Test
    void publishesToADirectoryAndRefusesAMissingKnowledgeBase() throws Exception {
        Path target = tmp.resolve("published");
        CliRun ok = CliRun.of("kb", "publish", "--kb", kbDir("kb-local").toString(), "--to", target.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(Files.readString(target.resolve("current"))).startsWith("versions/kb-local-");

        CliRun missing = CliRun.of("kb", "publish", "--kb", tmp.resolve("nope").toString(), "--to",
                target.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such directory");

        CliRun notKb = CliRun.of("kb", "publish", "--kb", Files.createDirectories(tmp.resolve("empty")).toString(),
                "--to", target.toString());
        assertThat(notKb.exitCode()).isEqualTo(1);
        assertThat(notKb.err()).contains("kb.json");
    }
}
