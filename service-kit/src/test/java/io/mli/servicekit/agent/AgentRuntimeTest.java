package io.mli.servicekit.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.agent.BrandAgent;
import io.mli.common.agent.TestAgents;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.InferenceRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class AgentRuntimeTest {

    static BrandAgent abstaining(String name) {
        return TestAgents.answering(name, request -> AgentAnswer.abstained(name, List.of(), null, "nothing"));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void notReadyWhileLoadingThenAnswers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AgentRuntime rt = AgentRuntime.start("ner", () -> {
            release.await();
            return new AgentRuntime.Loaded(abstaining("ner"), "kb-1");
        }, new CpuLimiter(1, Duration.ofSeconds(1)));
        EnginesHealthIndicator health = new EnginesHealthIndicator(List.of(rt));

        assertThat(rt.notReadyReason()).isEqualTo("loading ner engine");
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        AgentAnswer early = rt.infer(InferenceRequest.of("x"));
        assertThat(early.status()).isEqualTo(AgentStatus.UNAVAILABLE);
        assertThat(early.detail()).isEqualTo("loading ner engine");

        release.countDown();
        await(() -> rt.notReadyReason() == null);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(rt.kbVersion()).isEqualTo("kb-1");
        AgentAnswer a = rt.infer(InferenceRequest.of("x"));
        assertThat(a.status()).isEqualTo(AgentStatus.ABSTAINED);
        assertThat(a.latencyMs()).isPositive();
    }

    @Test
    void aFailedLoadSaysWhy() throws Exception {
        AgentRuntime rt = AgentRuntime.start("rag", () -> {
            throw new IllegalStateException("index is corrupt");
        }, null);
        await(() -> rt.notReadyReason().startsWith("failed"));
        assertThat(rt.notReadyReason()).isEqualTo("failed to load rag engine: index is corrupt");
        assertThat(rt.infer(InferenceRequest.of("x")).status()).isEqualTo(AgentStatus.UNAVAILABLE);
    }

    @Test
    void engineExceptionsAndABusyCpuBecomeAnswers() throws Exception {
        BrandAgent throwing = TestAgents.answering("ner", request -> {
            throw new IllegalArgumentException("bad model");
        });
        AgentAnswer a = AgentRuntime.of(throwing, null, null).infer(InferenceRequest.of("x"));
        assertThat(a.status()).isEqualTo(AgentStatus.ERROR);
        assertThat(a.detail()).contains("bad model");

        CpuLimiter cpu = new CpuLimiter(1, Duration.ofMillis(50));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> cpu.call(() -> {
            inside.countDown();
            try {
                leave.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        inside.await();
        AgentAnswer busy = AgentRuntime.of(abstaining("ner"), null, cpu).infer(InferenceRequest.of("x"));
        leave.countDown();
        holder.join();
        assertThat(busy.status()).isEqualTo(AgentStatus.UNAVAILABLE);
        assertThat(busy.detail()).contains("overloaded").contains("all 1 CPU slots busy");
    }
}
