package io.mli.hybrid.engine;

import io.mli.common.agent.BrandAgent;
import io.mli.common.agent.NewNameKinds;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.CategoryGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.InferenceRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hybrid agent's engine, a sequential pipeline that stops as soon as it is sure: NER first (skipped when the
 * caller already sends candidates, as the orchestrator does); then retrieval restricted to the NER candidates, which
 * confirms one of them when the catalog's nearest products carry it (not asked when the caller sends that vote too,
 * {@link InferenceRequest#checked()}); then the LLM, when one is configured, choosing
 * among the candidates. Without a confirmation it returns NER's best guess, marked as unconfirmed. The steps are
 * {@link BrandAgent}s: the engines in-process, HTTP clients of the other agents in the service. The answer's detail
 * names the step that decided ({@code ner}, {@code ner+rag}, {@code llm}, {@code ner_only}), which the orchestrator
 * calibrates separately. The category comes with the answer: the vote of retrieval's neighbours when retrieval
 * confirmed the brand, else NER's (its brand's catalog products most like the title) when the answer is NER's
 * brand, else the LLM's.
 */
public final class HybridEngine implements BrandAgent {
    private final BrandAgent ner;
    private final BrandAgent rag;
    private final BrandAgent llm;
    private final HybridSettings settings;

    /** {@code llm} may be null when no LLM is configured. */
    public HybridEngine(BrandAgent ner, BrandAgent rag, BrandAgent llm) {
        this(ner, rag, llm, HybridSettings.defaults());
    }

    public HybridEngine(BrandAgent ner, BrandAgent rag, BrandAgent llm, HybridSettings settings) {
        this.ner = ner;
        this.rag = rag;
        this.llm = llm;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "hybrid";
    }

    @Override
    public AgentAnswer infer(InferenceRequest request) {
        Map<String, Object> steps = new LinkedHashMap<>();
        List<BrandGuess> candidates = request.candidates();
        BrandGuess nerBest = null;
        String nerDetail = null;
        CategoryGuess category = null;
        if (candidates.isEmpty()) {
            AgentAnswer n = ner.infer(request);
            steps.put("ner", n.status().wire());
            nerBest = n.brand();
            nerDetail = n.detail();
            category = n.category();
            candidates = new ArrayList<>();
            if (n.brand() != null) {
                candidates.add(n.brand());
                if (n.brand().score() >= settings.nerSure() && "known_start".equals(n.detail())) {
                    return answer(n.brand(), "ner", candidates, category, steps);
                }
            }
            candidates.addAll(n.alternatives());
        } else {
            steps.put("ner", "from caller");
            nerBest = candidates.getFirst();
        }
        if (candidates.isEmpty()) {
            return AgentAnswer.abstained(name(), List.of(), null, "no brand candidates in the title")
                    .withUsage(steps);
        }
        Retrieval retrieval = confirmByRetrieval(request, candidates, steps);
        if (retrieval.confirmed() != null) {
            CategoryGuess c = retrieval.category() != null ? retrieval.category() : category;
            return answer(retrieval.confirmed(), "ner+rag", candidates, c, steps);
        }
        if (llm != null && llm.unavailableReason() == null) {
            AgentAnswer l = llm.infer(request.withCandidates(candidates));
            steps.put("llm", l.status().wire());
            if (l.status() == AgentStatus.OK) {
                // NER's category is its brand's: it stands only where the LLM chose that brand too.
                boolean nersBrand = nerBest != null && nerBest.sameBrand(l.brand());
                CategoryGuess c = nersBrand && category != null ? category : l.category();
                AgentAnswer a = answer(l.brand(), "llm", candidates, c, steps);
                return a.withUsage(merge(steps, l.usage()));
            }
        }
        BrandGuess best = nerBest != null ? nerBest : candidates.getFirst();
        // A new name NER made only of the catalog's ordinary words keeps that mark, for the calibration (as the
        // orchestrator marks it when it passes NER's candidates on).
        String decidedBy = best == nerBest && NewNameKinds.madeOfCatalogWords(nerDetail) ? "ner_only.new_words"
                : "ner_only";
        // A brand the catalog does not have has no category of its own: its title's nearest products give one.
        return answer(best, decidedBy, candidates, category != null ? category : retrieval.category(), steps);
    }

    /**
     * What the restricted vote gave: the candidate it supports, with its score raised by the support (null when it
     * supports none), and the category its neighbours voted (null when retrieval was not asked or had none), which
     * is preferred to NER's when it confirmed the brand: it is voted by the title's nearest products.
     */
    private record Retrieval(BrandGuess confirmed, CategoryGuess category) {
        static final Retrieval NONE = new Retrieval(null, null);
    }

    private Retrieval confirmByRetrieval(InferenceRequest request, List<BrandGuess> candidates,
                                         Map<String, Object> steps) {
        boolean anyKnown = candidates.stream().anyMatch(c -> c.id() != null);
        AgentAnswer r;
        if (request.checked() != null && anyKnown) {
            // The caller asked retrieval to check these candidates already (the orchestrator, under load).
            r = request.checked();
            steps.put("rag", r.status().wire() + " (from caller)");
        } else if (!anyKnown || rag.unavailableReason() != null) {
            steps.put("rag", anyKnown ? "unavailable" : "skipped: no known candidate");
            return Retrieval.NONE;
        } else {
            r = rag.infer(request.withCandidates(candidates));
            steps.put("rag", r.status().wire());
        }
        if (r.status() != AgentStatus.OK) {
            return new Retrieval(null, r.category());
        }
        double share = r.brand().evidence().isEmpty() ? 0 : r.brand().evidence().getFirst().score();
        if (share < settings.ragShare()) {
            return new Retrieval(null, r.category());
        }
        BrandGuess first = candidates.getFirst();
        for (BrandGuess c : candidates) {
            if (c.sameBrand(r.brand())) {
                if (c != first && first.id() == null) {
                    // A new brand that NER put first has no catalog products to vote for it: the vote can only go
                    // to a known candidate, mostly a word of the new name that other products share (MONTE in Del
                    // Monte, QUEEN in Drama Queen, OREO in Nabisco Oreo). On dev 15 of 19 such votes overrode a
                    // right new brand, 2 a wrong one.
                    return new Retrieval(null, r.category());
                }
                List<Evidence> ev = new ArrayList<>(c.evidence());
                ev.addAll(r.brand().evidence());
                double score = 1 - (1 - c.score()) * (1 - 0.5 * share);
                return new Retrieval(new BrandGuess(c.id(), c.name(), c.aliases(), score, ev), r.category());
            }
        }
        return new Retrieval(null, r.category());
    }

    private AgentAnswer answer(BrandGuess brand, String decidedBy, List<BrandGuess> candidates,
                               CategoryGuess category, Map<String, Object> steps) {
        List<BrandGuess> alternatives = candidates.stream().filter(c -> !c.sameBrand(brand)).limit(3).toList();
        return new AgentAnswer(name(), AgentStatus.OK, brand, alternatives, category, decidedBy, 0, steps);
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }
}
