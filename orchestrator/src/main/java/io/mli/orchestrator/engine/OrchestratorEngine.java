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
import io.mli.common.kb.SalesTalk;
import io.mli.common.text.LanguageDetector;
import java.time.Duration;
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
 * Combines the agents' answers into one brand with a calibrated confidence. {@link Mode#CASCADE} asks NER alone first
 * when so set ({@link OrchestratorSettings#nerFirst}) and answers if NER is sure; otherwise it asks NER and RAG in
 * parallel and answers when they agree confidently, else asks the hybrid agent with NER's candidates;
 * {@link Mode#ALL} asks every agent in parallel and keeps the best calibrated answer. Agents that are down, slow or
 * failing are reported and the answer comes from the others.
 */
public final class OrchestratorEngine implements AutoCloseable {
    private final Map<String, BrandAgent> agents;
    private final OrchestratorSettings settings;
    /**
     * How long the cascade waits for NER alone before asking retrieval too: NER answers in a millisecond or two, so
     * retrieval is seldom asked in vain, and a slow NER costs at most this much extra before retrieval is under way.
     */
    static final Duration NER_FIRST_PATIENCE = Duration.ofMillis(50);
    private final ExecutorService executor; // null: agents are called on the caller's thread
    private final Aggregator aggregator;
    private final Listener listener;
    /** Requests being answered now, this one included: the cascade speculates only while there are few. */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final int besideUpTo;

    /**
     * Up to how many requests in flight retrieval starts beside NER for a Thai title (twice the CPUs): at a few
     * requests at a time the round trip it saves is the latency that matters, and the CPU is idle; under load the
     * CPU is what matters, and a call NER makes needless (a third of Thai shop titles: NER sure, or no candidate
     * for retrieval to check) is CPU another request could use. The answers are the same either way.
     */
    static final int BESIDE_UP_TO = 2 * Runtime.getRuntime().availableProcessors();

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
        this(agents, settings, calibration, listener, false);
    }

    /**
     * {@code callerRuns}: call the agents one after the other on the caller's thread, without time-outs — for agents
     * that are engines in the same process (the {@code mli} command), where a thread hand-off per call costs more
     * than the call and there is no network to wait on. Otherwise each call runs on its own virtual thread.
     */
    public OrchestratorEngine(Map<String, BrandAgent> agents, OrchestratorSettings settings, Calibration calibration,
                              Listener listener, boolean callerRuns) {
        this(agents, settings, calibration, listener, callerRuns, BESIDE_UP_TO);
    }

    OrchestratorEngine(Map<String, BrandAgent> agents, OrchestratorSettings settings, Calibration calibration,
                       Listener listener, boolean callerRuns, int besideUpTo) {
        this.besideUpTo = besideUpTo;
        this.executor = callerRuns ? null : Executors.newVirtualThreadPerTaskExecutor();
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
        int busy = inFlight.incrementAndGet();
        try {
            return infer(request, method, mode, busy);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private InferenceResult infer(InferenceRequest request, Method method, Mode mode, int busy) {
        long t0 = System.nanoTime();
        String language = LanguageDetector.detect(request.title());
        // Thai promotion on a Latin title (#ของแท้ ส่งฟรี) does not make it a Thai title to answer.
        String productLanguage = SalesTalk.productLanguage(request.title(), language);
        List<AgentAnswer> answers;
        if (method != Method.ORCHESTRATOR) {
            answers = ask(List.of(method.wire()), request);
        } else if (mode == Mode.ALL) {
            answers = ask(List.copyOf(agents.keySet()), request);
        } else {
            CompletableFuture<AgentAnswer> ner = start("ner", request);
            CompletableFuture<AgentAnswer> rag = null;
            AgentAnswer nerFirst = null; // NER's answer when it came before retrieval was asked
            if (settings.nerFirst()) {
                // NER is seldom sure of a title in Thai script: retrieval starts beside it, saving a round trip,
                // unless the fleet is busy (BESIDE_UP_TO).
                boolean beside = settings.thaiInParallel() && executor != null && busy <= besideUpTo
                        && OrchestratorSettings.thaiScript(productLanguage);
                if (beside) {
                    rag = start("rag", request);
                } else if (within(ner, NER_FIRST_PATIENCE) == null) {
                    rag = start("rag", request); // NER is slow: retrieval gets under way meanwhile
                }
                AgentAnswer n = ner.join();
                nerFirst = n;
                // The same decisions whether NER answered in time or not, so an answer does not depend on load.
                List<Aggregator.Option> solo = aggregator.soloIfSure(n, settings.nerSureAt());
                boolean sure = !solo.isEmpty();
                boolean hopeless = n.status() == AgentStatus.ABSTAINED && !retrievalAloneCouldAnswer(productLanguage);
                if (sure || hopeless) {
                    // Retrieval started beside NER is not waited for: the answer (its category too) is NER-first's.
                    // Unless NER's brand has no catalog products to give a category (a brand known only from the
                    // starter): then retrieval is asked, for its neighbours' category alone. Not for a title in Thai
                    // script, whose neighbours share its numbers more than its kind of product (see category()): on
                    // the Thai shop titles that gave 143 more categories for a fifth of the throughput.
                    boolean forCategory = sure && n.category() == null && agents.containsKey("rag")
                            && Boolean.TRUE.equals(n.usage().get(AgentAnswer.NO_CATALOG_PRODUCTS))
                            && !OrchestratorSettings.thaiScript(productLanguage);
                    AgentAnswer r;
                    if (forCategory) {
                        r = (rag != null ? rag : start("rag", request)).join();
                    } else if (rag != null && !beside) {
                        r = rag.join();
                    } else {
                        r = AgentAnswer.failed("rag", AgentStatus.SKIPPED, sure ? "cascade: NER alone is sure"
                                : "cascade: no NER candidate, and retrieval alone cannot reach the abstention "
                                + "threshold");
                    }
                    answers = new ArrayList<>(List.of(n, r));
                    skipHybrid(answers, sure ? "cascade: NER alone is sure" : "cascade: no NER candidates to check");
                    return result(request, language, productLanguage, method, mode, answers, solo, t0);
                }
            }
            if (rag == null) {
                // NER has answered: retrieval checks its candidates in the same call (the same search), so that the
                // hybrid agent, if asked, need not call retrieval again. Without a hybrid agent nobody would read it.
                rag = start("rag", nerFirst == null || !agents.containsKey("hybrid") ? request
                        : request.withCheck(proposals(List.of(nerFirst))));
            }
            AgentAnswer r = rag.join();
            AgentAnswer checked = r.checked();
            answers = new ArrayList<>(List.of(ner.join(), r.withChecked(null)));
            List<Aggregator.Option> first = aggregator.options(answers);
            // Answer at once only when NER and retrieval agree and the calibrated score is confident.
            boolean sure = !first.isEmpty() && first.getFirst().probability() >= settings.acceptAt()
                    && first.getFirst().agents().containsAll(List.of("ner", "rag"));
            List<BrandGuess> proposals = proposals(answers);
            if (sure || !agents.containsKey("hybrid") || proposals.isEmpty()) {
                // Without NER's candidates the hybrid agent would only ask NER again.
                skipHybrid(answers, sure ? "cascade: answer already sure" : "cascade: no NER candidates to check");
            } else {
                listener.escalated();
                answers.addAll(ask(List.of("hybrid"), request.withCandidates(proposals).withChecked(checked)));
            }
        }
        return result(request, language, productLanguage, method, mode, answers, aggregator.options(answers), t0);
    }

    /** Reports the hybrid agent, when there is one, as not asked, and why. */
    private void skipHybrid(List<AgentAnswer> answers, String why) {
        if (agents.containsKey("hybrid")) {
            answers.add(AgentAnswer.failed("hybrid", AgentStatus.SKIPPED, why));
        }
    }

    /** The answer if it comes within {@code patience}, else null (the call goes on). */
    private static AgentAnswer within(CompletableFuture<AgentAnswer> answer, Duration patience) {
        try {
            return answer.get(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null; // cannot happen: the future never completes exceptionally (see start)
        }
    }

    /** Whether a retrieval answer without NER could, at its best, reach the title's abstention threshold. */
    private boolean retrievalAloneCouldAnswer(String language) {
        double threshold = settings.abstainBelow(language);
        return aggregator.ceiling("rag.named.alone") >= threshold
                || aggregator.ceiling("rag.unnamed.alone") >= threshold;
    }

    private InferenceResult result(InferenceRequest request, String language, String productLanguage, Method method,
                                   Mode mode, List<AgentAnswer> answers, List<Aggregator.Option> options, long t0) {
        Aggregator.Option best = options.isEmpty() ? null : options.getFirst();
        double threshold = settings.abstainBelow(productLanguage, request.title(),
                best == null ? null : best.brand());
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
        CategoryGuess category = aggregator.calibrated(category(answers, brand));
        double ms = (System.nanoTime() - t0) / 1e6;
        InferenceResult result = new InferenceResult(request.title(), language, method, mode, brand, abstain,
                alternatives, category, agreed, spans, answers, ms);
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

    /**
     * The answer's category. A known brand's comes from the agent that named that brand from the brand's own catalog
     * products: NER looks the title up among them; the hybrid agent passes NER's on, or the vote of retrieval's
     * neighbours that confirmed the brand, which are mostly its products too. Retrieval's own vote is over all the
     * title's neighbours, whatever their brand, and for a title in a script the catalog does not write they are
     * products that share a number with it, not the kind of product. Of the Thai shop titles answered with a known
     * brand, the category's top level agreed with the shop's own category for 19% with retrieval's vote and for 70%
     * with the brand's (82.5% once only neighbours sharing a word with the title vote, {@code CategoryVote}); on
     * dev's Tops rows both give the whole path right for 71%. Calibrated as the brand's products' too, the hybrid
     * agent's category fits dev better than as neighbours' (category ECE 0.022 against 0.041). Otherwise (a new brand,
     * no brand) retrieval's vote; else that of an agent that answered the same brand. Never the category of a brand
     * the answer is not: an abstention has none but the neighbours'.
     */
    public static ChosenCategory category(List<AgentAnswer> answers, BrandGuess brand) {
        if (brand != null && brand.id() != null) {
            for (AgentAnswer a : answers) {
                if (fromTheBrandsProducts(a) && a.category() != null && a.brand() != null
                        && brand.id().equals(a.brand().id())) {
                    return new ChosenCategory(a.category(), ChosenCategory.BRAND);
                }
            }
        }
        for (AgentAnswer a : answers) {
            if (a.agent().equals("rag") && a.category() != null) {
                return ChosenCategory.retrievals(a);
            }
        }
        for (AgentAnswer a : answers) {
            if (brand != null && a.category() != null && a.brand() != null && a.brand().sameBrand(brand)) {
                return new ChosenCategory(a.category(), ChosenCategory.NEIGHBOURS);
            }
        }
        return null;
    }

    /** Whether the answer's category is its brand's, from the brand's own catalog products (see {@link #category}). */
    private static boolean fromTheBrandsProducts(AgentAnswer a) {
        return !a.agent().equals("rag");
    }

    /**
     * A category and its kind for the calibration: from the answer's brand's own catalog products
     * ({@code category.brand}) or the title's neighbours ({@code category.neighbours…}). The same kinds whether the
     * orchestrator or one agent alone answered ({@code --method ner}): the category comes from the same place.
     */
    public record ChosenCategory(CategoryGuess guess, String kind) {
        static final String BRAND = Calibration.CATEGORY + ".brand";
        static final String NEIGHBOURS = Calibration.CATEGORY + ".neighbours";

        /**
         * Retrieval's vote, of the kind {@code category.neighbours.voted} where its neighbours also agreed on a brand
         * (they are much alike: mostly right), else {@code category.neighbours.split}.
         */
        public static ChosenCategory retrievals(AgentAnswer rag) {
            return new ChosenCategory(rag.category(),
                    NEIGHBOURS + (rag.status() == AgentStatus.OK ? ".voted" : ".split"));
        }
    }

    /** Asks the named agents, in parallel and each within its time-out (in caller-runs mode in turn); never throws. */
    List<AgentAnswer> ask(List<String> names, InferenceRequest request) {
        List<CompletableFuture<AgentAnswer>> futures = new ArrayList<>(names.size());
        for (String name : names) {
            futures.add(start(name, request));
        }
        List<AgentAnswer> out = new ArrayList<>(names.size());
        for (CompletableFuture<AgentAnswer> f : futures) {
            out.add(f.join());
        }
        return out;
    }

    /** Starts asking one agent within its time-out; the future always completes normally, with an answer. */
    private CompletableFuture<AgentAnswer> start(String name, InferenceRequest request) {
        BrandAgent agent = agents.get(name);
        if (agent == null) {
            return CompletableFuture.completedFuture(
                    AgentAnswer.failed(name, AgentStatus.UNAVAILABLE, "agent not configured"));
        }
        long start = System.nanoTime();
        if (executor == null) {
            AgentAnswer a;
            try {
                a = call(agent, request);
            } catch (RuntimeException e) {
                a = failure(name, e);
            }
            return CompletableFuture.completedFuture(a.latencyMs() > 0 ? a
                    : a.withLatency((System.nanoTime() - start) / 1e6));
        }
        return CompletableFuture.supplyAsync(() -> call(agent, request), executor)
                .orTimeout(settings.timeout(name).toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> failure(name, e))
                .thenApply(a -> a.latencyMs() > 0 ? a : a.withLatency((System.nanoTime() - start) / 1e6));
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
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
