package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import io.mli.common.io.Json;
import io.mli.common.store.FileObjectStore;
import io.mli.common.store.ObjectStore;
import io.mli.common.store.S3ObjectStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Publishing knowledge-base versions to S3 (S3Mock, in-process) and loading them through {@link KbSource}. */
class KbPublishAndLoadTest {
    static final String BUCKET = "models";

    @RegisterExtension
    static final S3MockExtension S3 = S3MockExtension.builder().silent().withSecureConnection(false)
            .withInitialBuckets(BUCKET).build();

    @TempDir
    Path tmp;
    S3Client client;
    String prefix;

    @BeforeEach
    void setUp() {
        client = S3Client.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create(S3.getServiceEndpoint())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        prefix = "kb/" + System.nanoTime(); // each test its own prefix in the shared mock
    }

    String uri() {
        return "s3://" + BUCKET + "/" + prefix;
    }

    ObjectStore store() {
        return new S3ObjectStore(client, BUCKET, prefix);
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void publishUploadsEveryFileThenMovesThePointer() throws Exception {
        Path kbDir = KbFixtures.kbDir(tmp.resolve("kb"), "kb-2026.11");
        List<String> lines = new ArrayList<>();
        KbPublisher.Published p = new KbPublisher(store(), at("2026-11-26T09:30:00Z"), lines::add).publish(kbDir);

        assertThat(p.versionPath()).isEqualTo("versions/kb-2026.11-20261126T093000Z");
        assertThat(p.files()).isEqualTo(4);
        assertThat(lines).hasSize(4);
        assertThat(store().list(p.versionPath() + "/")).containsExactly(
                p.versionPath() + "/calibration.json", p.versionPath() + "/index/segments_1",
                p.versionPath() + "/kb.json", p.versionPath() + "/manifest.json", p.versionPath() + "/ner/crf.ser.gz");
        assertThat(new String(store().get("current").orElseThrow(), StandardCharsets.UTF_8).trim())
                .isEqualTo(p.versionPath());
        KbManifest m = Json.MAPPER.readValue(store().get(p.versionPath() + "/manifest.json").orElseThrow(),
                KbManifest.class);
        assertThat(m.kbVersion()).isEqualTo("kb-2026.11");
        assertThat(m.files()).extracting(KbManifest.Entry::path)
                .containsExactly("calibration.json", "index/segments_1", "kb.json", "ner/crf.ser.gz");

        // The same second again would overwrite an immutable version: refused.
        assertThatThrownBy(() -> new KbPublisher(store(), at("2026-11-26T09:30:00Z"), l -> { }).publish(kbDir))
                .isInstanceOf(IOException.class).hasMessageContaining("immutable");
    }

    @Test
    void publishRefusesADirectoryWithoutAKnowledgeBase() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> new KbPublisher(store(), Clock.systemUTC(), l -> { }).publish(empty))
                .isInstanceOf(IOException.class).hasMessageContaining("kb.json");
        assertThat(store().list("")).isEmpty();
    }

    @Test
    void loadsTheCurrentVersionCachesItAndFollowsANewOne() throws Exception {
        Path kbDir = KbFixtures.kbDir(tmp.resolve("kb1"), "v1");
        String v1 = new KbPublisher(store(), at("2026-11-26T09:00:00Z"), l -> { }).publish(kbDir).versionPath();
        Path cache = tmp.resolve("cache");
        AtomicInteger downloads = new AtomicInteger();
        KbSource source = new KbSource(uri(), cache, u -> counting(S3ObjectStore.of(URI.create(u), client),
                downloads));

        KbSource.Snapshot first = source.resolve();
        assertThat(first.id()).isEqualTo(v1);
        assertThat(KbFixtures.relativeFiles(first.dir())).isEqualTo(KbFixtures.relativeFiles(kbDir));
        assertThat(KnowledgeBaseStore.load(first.dir()).version()).isEqualTo("v1");
        assertThat(downloads.get()).isEqualTo(4);
        assertThat(source.newer(first.id())).isEmpty();

        // A restart (a new source over the same cache) downloads nothing.
        AtomicInteger afterRestart = new AtomicInteger();
        KbSource restarted = new KbSource(uri(), cache, u -> counting(S3ObjectStore.of(URI.create(u), client),
                afterRestart));
        assertThat(restarted.resolve()).isEqualTo(first);
        assertThat(afterRestart.get()).isZero();

        // A newly published version is noticed and loaded into its own directory; the old one stays intact.
        Path kbDir2 = KbFixtures.kbDir(tmp.resolve("kb2"), "v2");
        String v2 = new KbPublisher(store(), at("2026-11-26T10:00:00Z"), l -> { }).publish(kbDir2).versionPath();
        assertThat(source.newer(first.id())).contains(v2);
        KbSource.Snapshot second = source.resolve();
        assertThat(second.id()).isEqualTo(v2);
        assertThat(second.dir()).isNotEqualTo(first.dir());
        assertThat(KnowledgeBaseStore.load(second.dir()).version()).isEqualTo("v2");
        assertThat(KnowledgeBaseStore.load(first.dir()).version()).isEqualTo("v1");
        assertThat(source.newer(second.id())).isEmpty();
    }

    @Test
    void aVersionWithoutItsPointerIsNotServedAndACorruptOneIsNeverCached() throws Exception {
        Path kbDir = KbFixtures.kbDir(tmp.resolve("kb1"), "v1");
        String v1 = new KbPublisher(store(), at("2026-11-26T09:00:00Z"), l -> { }).publish(kbDir).versionPath();
        Path cache = tmp.resolve("cache");
        KbSource source = new KbSource(uri(), cache, u -> store());
        KbSource.Snapshot loaded = source.resolve();

        // Files of a publish that died before its manifest and pointer: invisible.
        store().upload(kbDir.resolve("kb.json"), "versions/v9-20261126T110000Z/kb.json");
        assertThat(source.newer(loaded.id())).isEmpty();

        // A pointer to a version whose file does not match its manifest: the load fails, nothing half-done is kept.
        Path kbDir2 = KbFixtures.kbDir(tmp.resolve("kb2"), "v2");
        String v2 = new KbPublisher(store(), at("2026-11-26T10:00:00Z"), l -> { }).publish(kbDir2).versionPath();
        store().put(v2 + "/ner/crf.ser.gz", new byte[] {9});
        assertThatThrownBy(source::resolve).isInstanceOf(IOException.class).hasMessageContaining("manifest");
        try (var dirs = Files.list(cache.toFile().listFiles()[0].toPath())) {
            assertThat(dirs.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(v1.substring("versions/".length()), "last-current");
        }
    }

    @Test
    void startsFromTheCacheWhenTheStoreIsUnreachable() throws Exception {
        String v1 = new KbPublisher(store(), at("2026-11-26T09:00:00Z"), l -> { })
                .publish(KbFixtures.kbDir(tmp.resolve("kb1"), "v1")).versionPath();
        Path cache = tmp.resolve("cache");
        new KbSource(uri(), cache, u -> store()).resolve();

        KbSource offline = new KbSource(uri(), cache, u -> failing());
        KbSource.Snapshot s = offline.resolve();
        assertThat(s.id()).isEqualTo(v1);
        assertThat(KnowledgeBaseStore.load(s.dir()).version()).isEqualTo("v1");

        KbSource noCache = new KbSource(uri(), tmp.resolve("other-cache"), u -> failing());
        assertThatThrownBy(noCache::resolve).isInstanceOf(IOException.class).hasMessageContaining("unreachable");
    }

    @Test
    void aPublishedDirectoryAPlainDirectoryAndTheStarter() throws Exception {
        Path published = tmp.resolve("published");
        String v1 = new KbPublisher(new FileObjectStore(published), at("2026-11-26T09:00:00Z"), l -> { })
                .publish(KbFixtures.kbDir(tmp.resolve("kb1"), "v1")).versionPath();
        KbSource fromDir = new KbSource(published.toString(), tmp.resolve("cache"),
                u -> new FileObjectStore(Path.of(u)));
        assertThat(fromDir.versioned()).isTrue();
        assertThat(fromDir.resolve().id()).isEqualTo(v1);

        Path plain = KbFixtures.kbDir(tmp.resolve("plain"), "p1");
        KbSource plainSource = new KbSource(plain.toUri().toString(), tmp.resolve("cache"), u -> failing());
        assertThat(plainSource.versioned()).isFalse();
        assertThat(plainSource.resolve().dir()).isEqualTo(plain);
        assertThat(plainSource.newer("anything")).isEmpty();

        KbSource starter = new KbSource("", tmp.resolve("cache"), u -> failing());
        assertThat(starter.resolve().starter()).isTrue();
        assertThat(starter.describe()).contains("starter");
    }

    /** Counts downloads, to prove a cached version is not fetched again. */
    static ObjectStore counting(ObjectStore inner, AtomicInteger downloads) {
        return new ObjectStore() {
            public String uri() {
                return inner.uri();
            }

            public Optional<byte[]> get(String key) throws IOException {
                return inner.get(key);
            }

            public void download(String key, Path target) throws IOException {
                downloads.incrementAndGet();
                inner.download(key, target);
            }

            public void put(String key, byte[] content) throws IOException {
                inner.put(key, content);
            }

            public void upload(Path source, String key) throws IOException {
                inner.upload(source, key);
            }

            public List<String> list(String p) throws IOException {
                return inner.list(p);
            }
        };
    }

    static ObjectStore failing() {
        return new ObjectStore() {
            public String uri() {
                return "s3://unreachable";
            }

            public Optional<byte[]> get(String key) throws IOException {
                throw new IOException("unreachable");
            }

            public void download(String key, Path target) throws IOException {
                throw new IOException("unreachable");
            }

            public void put(String key, byte[] content) throws IOException {
                throw new IOException("unreachable");
            }

            public void upload(Path source, String key) throws IOException {
                throw new IOException("unreachable");
            }

            public List<String> list(String p) throws IOException {
                throw new IOException("unreachable");
            }
        };
    }

    @Test
    void theS3ClientFactoryHonoursTheEndpointVariable() throws Exception {
        // The same factory the services use, pointed at S3Mock by AWS_ENDPOINT_URL_S3 (credentials: system props).
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        S3Client c = S3ObjectStore.client(Optional.empty(), Map.of("AWS_ENDPOINT_URL_S3", S3.getServiceEndpoint(),
                "AWS_DEFAULT_REGION", "eu-west-1"));
        ObjectStore s = new S3ObjectStore(c, BUCKET, "/" + prefix + "/");
        s.put("hello", "world".getBytes(StandardCharsets.UTF_8));
        assertThat(store().get("hello")).get().extracting(b -> new String(b, StandardCharsets.UTF_8))
                .isEqualTo("world");
        assertThat(s.uri()).isEqualTo(uri());
        assertThat(s.get("missing")).isEmpty();
    }
}
