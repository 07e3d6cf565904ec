package io.mli.orchestrator.engine;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.domain.Span;
import io.mli.common.text.LanguageDetector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Combines the agents' answers into one brand with a calibrated confidence. {@link Mode#CASCADE} asks NER and RAG in
 * parallel and answers when they agree confidently, else asks the hybrid agent; {@link Mode#ALL} asks every agent in
 * parallel and keeps the best calibrated answer. Agents that are down, slow or failing are reported and the answer
 * comes from the others. (First cut; calibration and the full cascade come with the aggregation issue.)
 */
public final class OrchestratorEngine implements AutoCloseable {
    private final Map<String, BrandAgent> agents;
    private final OrchestratorSettings settings;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public OrchestratorEngine(Map<String, BrandAgent> agents, OrchestratorSettings settings) {
        this.agents = new LinkedHashMap<>(agents);
        this.settings = settings;
    }

    public Map<String, BrandAgent> agents() {
        return java.util.Collections.unmodifiableMap(agents);
    }

    public InferenceResult infer(InferenceRequest request, Method method, Mode mode) {
        long t0 = System.nanoTime();
        List<AgentAnswer> answers;
        if (method != Method.ORCHESTRATOR) {
            answers = ask(List.of(method.wire()), request);
        } else if (mode == Mode.ALL) {
            answers = ask(List.copyOf(agents.keySet()), request);
        } else {
            answers = new ArrayList<>(ask(List.of("ner", "rag"), request));
            if (!agreeConfidently(answers) && agents.containsKey("hybrid")) {
                answers.addAll(ask(List.of("hybrid"), request));
            }
        }
        BrandGuess best = null;
        List<String> agreed = new ArrayList<>();
        for (AgentAnswer a : answers) {
            if (a.status() == AgentStatus.OK && (best == null || a.brand().score() > best.score())) {
                best = a.brand();
            }
        }
        for (AgentAnswer a : answers) {
            if (best != null && a.status() == AgentStatus.OK && a.brand().sameBrand(best)) {
                agreed.add(a.agent());
            }
        }
        String abstain = null;
        if (best != null && best.score() < settings.abstainBelow()) {
            abstain = "confidence " + String.format(java.util.Locale.ROOT, "%.2f", best.score()) + " below "
                    + settings.abstainBelow();
            best = null;
        } else if (best == null) {
            abstain = "no agent found a brand";
        }
        List<Span> spans = best == null ? List.of()
                : best.evidence().stream().map(Evidence::span).filter(java.util.Objects::nonNull).distinct().toList();
        double ms = (System.nanoTime() - t0) / 1e6;
        return new InferenceResult(request.title(), LanguageDetector.detect(request.title()), method, mode, best,
                abstain, List.of(), null, agreed, spans, answers, ms);
    }

    private boolean agreeConfidently(List<AgentAnswer> answers) {
        BrandGuess first = null;
        for (AgentAnswer a : answers) {
            if (a.status() != AgentStatus.OK || a.brand().score() < settings.acceptAt()) {
                return false;
            }
            if (first != null && !first.sameBrand(a.brand())) {
                return false;
            }
            first = a.brand();
        }
        return first != null;
    }

    /** Asks the named agents in parallel, each within its time-out; never throws. */
    List<AgentAnswer> ask(List<String> names, InferenceRequest request) {
        Map<String, CompletableFuture<AgentAnswer>> futures = new LinkedHashMap<>();
        for (String name : names) {
            BrandAgent agent = agents.get(name);
            if (agent == null) {
                futures.put(name, CompletableFuture.completedFuture(
                        AgentAnswer.failed(name, AgentStatus.UNAVAILABLE, "agent not configured")));
                continue;
            }
            long start = System.nanoTime();
            futures.put(name, CompletableFuture.supplyAsync(() -> call(agent, request), executor)
                    .orTimeout(settings.timeout(name).toMillis(), TimeUnit.MILLISECONDS)
                    .exceptionally(e -> failure(name, e))
                    .thenApply(a -> a.latencyMs() > 0 ? a : a.withLatency((System.nanoTime() - start) / 1e6)));
        }
        List<AgentAnswer> out = new ArrayList<>(names.size());
        for (CompletableFuture<AgentAnswer> f : futures.values()) {
            out.add(f.join());
        }
        return out;
    }

    private static AgentAnswer call(BrandAgent agent, InferenceRequest request) {
        String reason = agent.unavailableReason();
        if (reason != null) {
            return AgentAnswer.failed(agent.name(), AgentStatus.UNAVAILABLE, reason);
        }
        return agent.infer(request);
    }

    private AgentAnswer failure(String name, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                ? e.getCause() : e;
        if (cause instanceof TimeoutException) {
            return AgentAnswer.failed(name, AgentStatus.TIMEOUT,
                    "no answer within " + settings.timeout(name).toMillis() + " ms");
        }
        return AgentAnswer.failed(name, AgentStatus.ERROR, cause.getClass().getSimpleName() + ": "
                + cause.getMessage());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
