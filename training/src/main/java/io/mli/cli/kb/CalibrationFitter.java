package io.mli.cli.kb;

import io.mli.cli.eval.CategoryStats;
import io.mli.cli.eval.Scoring;
import io.mli.cli.eval.Unbranded;
import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.io.CatalogRow;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseBuilder;
import io.mli.common.text.BrandKeys;
import io.mli.ner.engine.BrandCategories;
import io.mli.ner.engine.NerEngine;
import io.mli.ner.engine.NerTrainer;
import io.mli.orchestrator.engine.Aggregator;
import io.mli.orchestrator.engine.Calibration;
import io.mli.orchestrator.engine.OrchestratorEngine;
import io.mli.orchestrator.engine.OrchestratorSettings;
import io.mli.hybrid.engine.HybridEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Fits the orchestrator's calibration on the catalog itself, never on evaluation data: the catalog is split into a
 * training part and a held-out part (every row of one brand in seven, so the held-out part has brands the model
 * has never seen, plus one row in ten of the others), a knowledge base and NER model are built from the training
 * part alone, and the agents' answers on the held-out rows — and on copies of some with the brand taken out, which
 * must be abstained on — are the calibration's observations.
 */
public final class CalibrationFitter {
    static final int HELD_OUT_BRAND_MOD = 7;
    static final int HELD_OUT_ROW_PERCENT = 10;
    static final int NEGATIVE_PERCENT = 20;

    private final boolean starter;
    private final BiFunction<KnowledgeBase, List<CatalogRow>, BrandAgent> ragFactory;

    /** {@code ragFactory} builds a retrieval agent over the training part (null: calibrate without retrieval). */
    public CalibrationFitter(boolean starter, BiFunction<KnowledgeBase, List<CatalogRow>, BrandAgent> ragFactory) {
        this.starter = starter;
        this.ragFactory = ragFactory;
    }

    /** A labelled observation: the title, its true brand (null when it has none) and its category (or null). */
    record Probe(String title, String brand, String category) {
    }

    /** A probe with NER's answer and every agent's answers (the hybrid step's included). */
    private record Seen(Probe probe, AgentAnswer ner, List<AgentAnswer> all) {
    }

    public Calibration fit(List<CatalogRow> rows) {
        List<CatalogRow> train = new ArrayList<>();
        List<CatalogRow> heldOut = new ArrayList<>();
        for (CatalogRow r : rows) {
            if (!r.hasBrand()) {
                continue;
            }
            String key = BrandKeys.key(r.brand());
            boolean brandOut = Math.floorMod(mix(key.hashCode()), HELD_OUT_BRAND_MOD) == 0;
            boolean rowOut = Math.floorMod(mix(r.title().hashCode() * 31 + 7), 100) < HELD_OUT_ROW_PERCENT;
            (brandOut || rowOut ? heldOut : train).add(r);
        }
        long t0 = System.nanoTime();
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(train).starter(starter).build();
        // With its brands' categories, as the NER service has them: the category's calibration is fitted here too.
        Memo ner = new Memo(new NerEngine(kb, NerTrainer.quick().train(train, kb).model(),
                BrandCategories.of(train, kb)));
        long t1 = System.nanoTime();
        Memo rag = ragFactory == null ? null : new Memo(ragFactory.apply(kb, train));
        long t2 = System.nanoTime();
        HybridEngine hybrid = new HybridEngine(ner, rag != null ? rag : new Absent("rag"), null);
        List<Probe> probes = new ArrayList<>();
        for (CatalogRow r : heldOut) {
            probes.add(new Probe(r.title(), r.brand(), r.category()));
            if (Math.floorMod(mix(r.title().hashCode()), 100) < NEGATIVE_PERCENT) {
                String stripped = Unbranded.title(r, kb);
                if (stripped != null) {
                    probes.add(new Probe(stripped, null, r.category()));
                }
            }
        }
        Aggregator identity = new Aggregator(Calibration.identity());
        List<Calibration.Sample> samples = new ArrayList<>();
        List<Seen> seen = new ArrayList<>();
        for (Probe p : probes) {
            ner.forget();
            if (rag != null) {
                rag.forget();
            }
            InferenceRequest req = InferenceRequest.of(p.title());
            List<AgentAnswer> answers = new ArrayList<>();
            answers.add(ner.infer(req));
            if (rag != null) {
                answers.add(rag.infer(req));
            }
            List<AgentAnswer> withHybrid = new ArrayList<>(answers);
            withHybrid.add(hybrid.infer(req.withCandidates(OrchestratorEngine.proposals(answers))));
            seen.add(new Seen(p, answers.getFirst(), withHybrid));
            List<Aggregator.Option> together = identity.options(withHybrid);
            List<Aggregator.Option> options = new ArrayList<>(together);
            // Each agent alone too (mli infer --method ner, …), as the orchestrator calibrates those apart.
            options.addAll(identity.options(List.of(answers.getFirst())));
            if (rag != null) {
                options.addAll(identity.options(List.of(answers.get(1))));
            }
            options.addAll(identity.options(List.of(hybrid.infer(req))));
            for (Aggregator.Option o : options) {
                samples.add(new Calibration.Sample(o.kind(), o.raw(), names(p.brand(), o.brand())));
            }
            samples.addAll(categorySamples(p, withHybrid, together.isEmpty() ? null : together.getFirst().brand()));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("trainRows", train.size());
        facts.put("heldOutRows", heldOut.size());
        facts.put("probes", probes.size());
        facts.put("nerMillis", (t1 - t0) / 1_000_000);
        facts.put("indexMillis", (t2 - t1) / 1_000_000);
        facts.put("probeMillis", (System.nanoTime() - t2) / 1_000_000);
        Calibration fitted = Calibration.fit(samples, facts);
        return new Calibration(fitted.maps(), nerSureCheck(fitted, seen));
    }

    /**
     * The category the orchestrator would give the probe, from the answer's brand's products or its neighbours, and
     * retrieval's vote (what {@code --method rag} gives, and the orchestrator where the brand is new or none), each
     * with whether it is the row's own. {@code brand} is the best answer before calibration: the one the calibrated
     * answer mostly is.
     */
    private static List<Calibration.Sample> categorySamples(Probe p, List<AgentAnswer> answers, BrandGuess brand) {
        List<Calibration.Sample> out = new ArrayList<>();
        if (p.category() == null || p.category().isBlank()) {
            return out;
        }
        String label = p.category();
        OrchestratorEngine.ChosenCategory c = OrchestratorEngine.category(answers, brand);
        List<OrchestratorEngine.ChosenCategory> seen = new ArrayList<>();
        if (c != null && !c.kind().startsWith(Calibration.CATEGORY + ".neighbours.")) {
            seen.add(c);
        }
        for (AgentAnswer a : answers) {
            if (a.agent().equals("rag") && a.category() != null) {
                seen.add(OrchestratorEngine.ChosenCategory.retrievals(a));
            }
        }
        for (OrchestratorEngine.ChosenCategory s : seen) {
            out.add(new Calibration.Sample(s.kind(), s.guess().confidence(),
                    CategoryStats.samePath(s.guess().path(), label)));
        }
        return out;
    }

    /**
     * Where NER alone is sure enough for the cascade to stop ({@link OrchestratorSettings#DEFAULT_NER_SURE_AT}),
     * would the other agents have changed its answer, and how often to the right brand? The build reports it (on the
     * catalog: never), so a catalog where they would is seen at once. The probes are held out from the models that
     * answer them, not from the calibration, which was fitted on them too: an in-sample check of the line.
     */
    private static Map<String, Object> nerSureCheck(Calibration fitted, List<Seen> seen) {
        Aggregator calibrated = new Aggregator(fitted);
        int sure = 0;
        int changed = 0;
        int lost = 0;
        for (Seen o : seen) {
            List<Aggregator.Option> alone = calibrated.soloIfSure(o.ner(), OrchestratorSettings.DEFAULT_NER_SURE_AT);
            if (alone.isEmpty()) {
                continue;
            }
            sure++;
            List<Aggregator.Option> all = calibrated.options(o.all());
            String a = alone.getFirst().brand().name();
            BrandGuess b = all.isEmpty() ? null : all.getFirst().brand();
            if (b == null || !BrandKeys.same(a, b.name())) {
                changed++;
                if (b != null && names(o.probe().brand(), b)) {
                    lost++;
                }
            }
        }
        Map<String, Object> more = new LinkedHashMap<>(fitted.facts());
        more.put("nerSureAt", OrchestratorSettings.DEFAULT_NER_SURE_AT);
        more.put("nerSureProbes", sure);
        more.put("nerSureChangedByOthers", changed);
        more.put("nerSureRightOnlyWithOthers", lost);
        return more;
    }

    /** Whether the guess names the label: its name or one of its aliases, by the evaluation's matching rule. */
    private static boolean names(String label, BrandGuess guess) {
        return Scoring.correct(label, guess.name(), guess.aliases());
    }

    /**
     * An agent that remembers its answers to the current probe: the hybrid pipeline asks NER, and retrieval restricted
     * to the same candidates, what the probe has already asked them, and the answers would be the same.
     */
    private static final class Memo implements BrandAgent {
        private final BrandAgent agent;
        private final Map<InferenceRequest, AgentAnswer> answers = new java.util.HashMap<>();

        Memo(BrandAgent agent) {
            this.agent = agent;
        }

        void forget() {
            answers.clear();
        }

        @Override
        public String name() {
            return agent.name();
        }

        @Override
        public AgentAnswer infer(InferenceRequest request) {
            return answers.computeIfAbsent(request, agent::infer);
        }

        @Override
        public String unavailableReason() {
            return agent.unavailableReason();
        }
    }

    /** An agent that is not there. */
    private record Absent(String name) implements BrandAgent {
        @Override
        public AgentAnswer infer(InferenceRequest request) {
            return AgentAnswer.failed(name, io.mli.common.domain.AgentStatus.UNAVAILABLE, "not configured");
        }

        @Override
        public String unavailableReason() {
            return "not configured";
        }
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h ^= h >>> 15;
        return h;
    }
}
