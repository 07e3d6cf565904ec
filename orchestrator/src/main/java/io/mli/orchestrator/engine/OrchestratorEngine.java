package io.mli.orchestrator.engine;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.CategoryGuess;
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
    private final Aggregator aggregator;
    private final Listener listener;

    /** Hooks for metrics: the service binds them to Micrometer; {@code mli} ignores them. */
    public interface Listener {
        default void escalated() {
        }

        default void answered(InferenceResult result) {
        }
    }

    public OrchestratorEngine(Map<String, BrandAgent> agents, OrchestratorSettings settings) {
        this(agents, settings, Calibration.identity(), new Listener() { });
    }

    public OrchestratorEngine(Map<String, BrandAgent> agents, OrchestratorSettings settings, Calibration calibration,
                              Listener listener) {
        this.agents = new LinkedHashMap<>(agents);
        this.settings = settings;
        this.aggregator = new Aggregator(calibration);
        this.listener = listener;
    }

    public Aggregator aggregator() {
        return aggregator;
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
        } else if (settings.nerFirst() && nerAloneIsSure(request) instanceof AgentAnswer sureNer) {
            // The cheapest agent first: a brand NER alone is sure of needs no retrieval (in-process only; the
            // fleet asks NER and retrieval in parallel, see OrchestratorSettings#nerFirst).
            answers = new ArrayList<>(List.of(sureNer,
                    AgentAnswer.failed("rag", AgentStatus.SKIPPED, "cascade: NER alone is sure")));
            if (agents.containsKey("hybrid")) {
                answers.add(AgentAnswer.failed("hybrid", AgentStatus.SKIPPED, "cascade: NER alone is sure"));
            }
            return result(request, method, mode, answers, aggregator.options(List.of(sureNer)), t0);
        } else {
            answers = new ArrayList<>(ask(List.of("ner", "rag"), request));
            List<Aggregator.Option> first = aggregator.options(answers);
            // Answer at once only when NER and retrieval agree and the calibrated score is confident.
            boolean sure = !first.isEmpty() && first.getFirst().probability() >= settings.acceptAt()
                    && first.getFirst().agents().containsAll(List.of("ner", "rag"));
            if (sure || !agents.containsKey("hybrid")) {
                if (agents.containsKey("hybrid")) {
                    answers.add(AgentAnswer.failed("hybrid", AgentStatus.SKIPPED, "cascade: answer already sure"));
                }
            } else {
                listener.escalated();
                answers.addAll(ask(List.of("hybrid"), request.withCandidates(proposals(answers))));
            }
        }
        return result(request, method, mode, answers, aggregator.options(answers), t0);
    }

    /** NER's answer when, asked alone, its calibrated probability reaches {@code nerSureAt}; else null. */
    private AgentAnswer nerAloneIsSure(InferenceRequest request) {
        BrandAgent ner = agents.get("ner");
        if (ner == null || ner.unavailableReason() != null) {
            return null;
        }
        AgentAnswer a = ask(List.of("ner"), request).getFirst();
        List<Aggregator.Option> solo = aggregator.options(List.of(a));
        return !solo.isEmpty() && solo.getFirst().probability() >= settings.nerSureAt() ? a : null;
    }

    private InferenceResult result(InferenceRequest request, Method method, Mode mode, List<AgentAnswer> answers,
                                   List<Aggregator.Option> options, long t0) {
        Aggregator.Option best = options.isEmpty() ? null : options.getFirst();
        String language = LanguageDetector.detect(request.title());
        double threshold = settings.abstainBelow(language);
        String abstain = null;
        if (best == null) {
            abstain = answers.stream().allMatch(a -> a.status() == AgentStatus.UNAVAILABLE
                    || a.status() == AgentStatus.ERROR || a.status() == AgentStatus.TIMEOUT)
                    ? "no agent could answer" : "no agent found a brand in the title";
        } else if (best.probability() < threshold) {
            abstain = String.format(java.util.Locale.ROOT, "not sure enough: %s at %.2f (below %.2f)",
                    best.brand().name(), best.probability(), threshold);
        }
        BrandGuess brand = abstain == null ? best.brand() : null;
        List<BrandGuess> alternatives = new ArrayList<>();
        for (Aggregator.Option o : options) {
            if ((brand == null || !o.brand().sameBrand(brand)) && alternatives.stream().noneMatch(
                    x -> x.sameBrand(o.brand())) && alternatives.size() < request.topK()) {
                alternatives.add(o.brand());
            }
        }
        List<String> agreed = brand == null ? List.of() : best.agents().stream().distinct().toList();
        List<Span> spans = brand == null ? List.of()
                : brand.evidence().stream().map(Evidence::span).filter(java.util.Objects::nonNull).distinct().toList();
        CategoryGuess category = category(answers);
        double ms = (System.nanoTime() - t0) / 1e6;
        InferenceResult result = new InferenceResult(request.title(), language, method, mode, brand, abstain, alternatives, category, agreed, spans, answers, ms);
        listener.answered(result);
        return result;
    }

    /**
     * What NER proposed (its brand, then its alternatives): the hybrid agent gets these as candidates, so it need
     * not find them again. Retrieval's own guesses are not passed on: the hybrid agent's retrieval step exists to
     * check NER's candidates, and checking retrieval's guesses against retrieval would only echo it.
     */
    public static List<BrandGuess> proposals(List<AgentAnswer> answers) {
        List<BrandGuess> proposed = new ArrayList<>();
        for (AgentAnswer a : answers) {
            if (!a.agent().equals("ner")) {
                continue;
            }
            if (a.brand() != null) {
                proposed.add(a.brand());
            }
            for (BrandGuess g : a.alternatives()) {
                if (proposed.stream().noneMatch(p -> p.sameBrand(g))) {
                    proposed.add(g);
                }
            }
        }
        return proposed;
    }

    /** The category from the first agent that voted one (retrieval, then the others). */
    private static CategoryGuess category(List<AgentAnswer> answers) {
        CategoryGuess best = null;
        for (AgentAnswer a : answers) {
            if (a.category() != null && (best == null || a.agent().equals("rag"))) {
                best = a.category();
            }
        }
        return best;
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
