package io.mli.servicekit.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.kb.KbPublisher;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseStore;
import io.mli.common.kb.StarterKnowledgeBase;
import io.mli.common.store.FileObjectStore;
import io.mli.servicekit.agent.AgentRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's engine follows {@code mli kb publish}: the refresher notices the moved pointer, the engine is rebuilt
 * beside the old one, which answers until the swap; a version that fails to load leaves the old one serving.
 */
class KnowledgeBaseRefresherTest {
    @TempDir
    Path tmp;

    /** Answers with the knowledge-base version it was built over, so the test sees which engine answered. */
    record VersionAgent(String version) implements BrandAgent {
        @Override
        public String name() {
            return "ner";
        }

        @Override
        public AgentAnswer infer(InferenceRequest request) {
            return AgentAnswer.abstained("ner", List.of(), null, version);
        }
    }

    String publish(Path published, String version, String at) throws Exception {
        Path dir = tmp.resolve("build-" + version);
        KnowledgeBase s = StarterKnowledgeBase.get();
        KnowledgeBaseStore.save(new KnowledgeBase(version, s.brands(), s.allAliases(), Map.of()), dir);
        return new KbPublisher(new FileObjectStore(published), Clock.fixed(Instant.parse(at), ZoneOffset.UTC),
                l -> { }).publish(dir).versionPath();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void reloadsANewVersionWithoutAGapAndKeepsTheOldOneWhenTheNewOneFails() throws Exception {
        Path published = tmp.resolve("published");
        publish(published, "v1", "2026-11-26T09:00:00Z");
        KnowledgeBaseSource source = new KnowledgeBaseSource(published.toString(), tmp.resolve("cache").toString(),
                null);
        CountDownLatch v2Opening = new CountDownLatch(1);
        CountDownLatch releaseV2 = new CountDownLatch(1);
        Set<String> answeredBy = ConcurrentHashMap.newKeySet();

        AgentRuntime runtime = AgentRuntime.overKnowledgeBase("ner", source, (kb, dir) -> {
            assertThat(dir).isNotNull().isDirectory();
            if (kb.version().equals("v2")) {
                v2Opening.countDown();
                await(releaseV2);
            }
            if (kb.version().equals("v3")) {
                throw new IllegalStateException("broken model in v3");
            }
            return new VersionAgent(kb.version());
        }, null);
        KnowledgeBaseRefresher refresher = new KnowledgeBaseRefresher(source, () -> List.of(runtime),
                Duration.ofMinutes(1));

        await("v1 loaded", () -> runtime.kbVersion() != null && !runtime.reloading());
        assertThat(runtime.kbVersion()).isEqualTo("v1");
        assertThat(refresher.tick()).isEmpty(); // nothing new

        String v2 = publish(published, "v2", "2026-11-26T10:00:00Z");
        assertThat(refresher.tick()).contains(v2);
        v2Opening.await();
        // While v2 is being opened, v1 keeps answering and the service stays ready.
        AgentAnswer during = runtime.infer(InferenceRequest.of("Samsung Galaxy A55"));
        assertThat(during.status()).isEqualTo(AgentStatus.ABSTAINED);
        assertThat(during.detail()).isEqualTo("v1");
        assertThat(runtime.notReadyReason()).isNull();
        assertThat(refresher.tick()).isEmpty(); // a reload is running: no second one
        releaseV2.countDown();
        await("v2 served", () -> "v2".equals(runtime.kbVersion()) && !runtime.reloading());
        answeredBy.add(runtime.infer(InferenceRequest.of("Samsung Galaxy A55")).detail());
        assertThat(answeredBy).containsExactly("v2");

        String v3 = publish(published, "v3", "2026-11-26T11:00:00Z");
        assertThat(refresher.tick()).contains(v3);
        await("v3 attempt finished", () -> !runtime.reloading());
        assertThat(runtime.kbVersion()).isEqualTo("v2");
        assertThat(runtime.notReadyReason()).isNull();
        assertThat(runtime.infer(InferenceRequest.of("x")).detail()).isEqualTo("v2");
        // The broken version is not retried on every poll.
        assertThat(refresher.tick()).isEmpty();
    }

    @Test
    void aPlainDirectoryOrTheStarterIsNotPolled() throws Exception {
        KnowledgeBaseSource starter = new KnowledgeBaseSource("");
        assertThat(starter.versioned()).isFalse();
        assertThat(starter.load().version()).isEqualTo(StarterKnowledgeBase.get().version());
        KnowledgeBaseRefresher r = new KnowledgeBaseRefresher(starter, List::of, Duration.ofSeconds(1)).start();
        assertThat(r.tick()).isEqualTo(Optional.empty());
        r.close();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
