package io.mli.servicekit.agent;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.kb.KnowledgeBase;
import io.mli.servicekit.config.KnowledgeBaseSource;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * An agent service's engine as the web layer sees it: loaded in the background, unavailable (with the reason) until
 * then, and run under the {@link CpuLimiter} when its work is CPU-bound. Never throws for a request: failures become
 * answers with a status.
 */
public final class AgentRuntime implements BrandAgent, ServiceReadiness, Reloadable {

    /** What loading produces: the engine and the version of the knowledge base it serves (null if it has none). */
    public record Loaded(BrandAgent agent, String kbVersion) implements AutoCloseable {
        /** Releases the engine's resources (an index) when a reload has replaced it. */
        @Override
        public void close() throws Exception {
            if (agent instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    private final String name;
    private final BackgroundLoad<Loaded> load;
    private final CpuLimiter cpu;

    private AgentRuntime(String name, BackgroundLoad<Loaded> load, CpuLimiter cpu) {
        this.name = name;
        this.load = load;
        this.cpu = cpu;
    }

    /** Starts loading now; {@code cpu} is null for agents whose work is I/O (HTTP calls, a remote LLM). */
    public static AgentRuntime start(String name, Callable<Loaded> loader, CpuLimiter cpu) {
        return new AgentRuntime(name, BackgroundLoad.start(name + " engine", loader, null), cpu);
    }

    /**
     * Loads the knowledge base from {@code kb} in the background, then opens the engine over it (and the models
     * saved beside it, when the knowledge base is a directory).
     */
    public static AgentRuntime overKnowledgeBase(String name, KnowledgeBaseSource kb,
                                                 BiFunction<KnowledgeBase, Path, BrandAgent> open, CpuLimiter cpu) {
        return start(name, () -> {
            KnowledgeBaseSource.Snapshot s = kb.snapshot();
            return new Loaded(open.apply(s.kb(), s.dir()), s.kb().version());
        }, cpu);
    }

    static final java.time.Duration WARM_UP_BUDGET = java.time.Duration.ofMillis(500);

    /** Titles that exercise English, Thai and mixed paths of an engine before it takes traffic. */
    static final List<String> WARM_UP_TITLES = List.of(
            "Eucerin Spotless Brightening Body Lotion 250ml", "ยูเซอริน โลชั่นบำรุงผิวกาย 250 มล.",
            "[โปรแรง] iPhone 15 Pro Max สีดำ 256GB", "Generic USB Cable 1m", "มาม่า รสต้มยำกุ้ง 55 กรัม x 10 ซอง");

    /**
     * Runs a local engine over a few titles, a few times, before it is declared ready, so the first real requests
     * do not pay for class loading and the interpreter (and miss the orchestrator's time-outs). Only for in-process
     * engines: never for ones that call a paid or remote service.
     */
    public static BrandAgent warmedUp(BrandAgent agent) {
        // At most WARM_UP_BUDGET: past the first rounds (class loading, the interpreter) the gain is small, and the
        // service is not ready meanwhile.
        long deadline = System.nanoTime() + WARM_UP_BUDGET.toNanos();
        for (int round = 0; round < 20 && (round == 0 || System.nanoTime() < deadline); round++) {
            for (String title : WARM_UP_TITLES) {
                try {
                    agent.infer(InferenceRequest.of(title));
                } catch (RuntimeException e) {
                    return agent; // the engine's own problem; requests will report it
                }
            }
        }
        return agent;
    }

    /** Over an engine that is already there (tests). */
    public static AgentRuntime of(BrandAgent agent, String kbVersion, CpuLimiter cpu) {
        return new AgentRuntime(agent.name(), BackgroundLoad.done(agent.name() + " engine",
                new Loaded(agent, kbVersion)), cpu);
    }

    @Override
    public String name() {
        return name;
    }

    /** The knowledge-base version once loaded, else null. */
    public String kbVersion() {
        Loaded l = load.get();
        return l == null ? null : l.kbVersion();
    }

    @Override
    public String notReadyReason() {
        return load.notReadyReason();
    }

    /** Builds the engine again over the knowledge base's current version; the old one serves until it is ready. */
    @Override
    public void reload() {
        load.reload();
    }

    @Override
    public boolean reloading() {
        return load.reloading();
    }

    @Override
    public String backend() {
        Loaded l = load.get();
        return l == null ? null : l.agent().backend();
    }

    @Override
    public String unavailableReason() {
        Loaded l = load.get();
        return l == null ? load.notReadyReason() : l.agent().unavailableReason();
    }

    @Override
    public AgentAnswer infer(InferenceRequest request) {
        long t0 = System.nanoTime();
        String reason = unavailableReason();
        if (reason != null) {
            return AgentAnswer.failed(name, AgentStatus.UNAVAILABLE, reason);
        }
        BrandAgent agent = load.get().agent();
        AgentAnswer answer;
        try {
            answer = cpu == null ? agent.infer(request) : cpu.call(() -> agent.infer(request));
        } catch (CpuLimiter.Busy e) {
            answer = AgentAnswer.failed(name, AgentStatus.UNAVAILABLE, "overloaded: " + e.getMessage());
        } catch (RuntimeException e) {
            answer = AgentAnswer.failed(name, AgentStatus.ERROR, e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        return answer.latencyMs() > 0 ? answer : answer.withLatency((System.nanoTime() - t0) / 1e6);
    }
}
