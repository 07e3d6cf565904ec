package io.mli.orchestrator.engine;

import io.mli.common.agent.NewNameKinds;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.CategoryGuess;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the agents' answers into scored options, each of a kind the calibration knows: how the NER agent found its
 * brand ({@code ner.known_start}, {@code ner.new.one}, …) and whether retrieval agreed ({@code .agree}), named another
 * brand ({@code .other}) or nothing ({@code .none}); retrieval's own answer ({@code rag.named.*} when the title names
 * the brand, {@code rag.unnamed.*} when only the neighbours say so); the hybrid agent's; and, for one agent asked
 * alone, {@code solo.<agent>.<kind>}. Pure and stateless.
 */
public final class Aggregator {
    private final Calibration calibration;

    public Aggregator(Calibration calibration) {
        this.calibration = calibration;
    }

    /** One way to answer: the brand, the kind of evidence, its raw score and calibrated probability. */
    public record Option(BrandGuess brand, String kind, double raw, double probability, List<String> agents) {
    }

    /**
     * The highest probability an answer of this kind can be given (the calibration is monotone in the raw score):
     * what retrieval alone could at best reach, before asking it.
     */
    public double ceiling(String kind) {
        return calibration.probability(kind, 1.0);
    }

    /** Every option the answers offer, most probable first. */
    public List<Option> options(List<AgentAnswer> answers) {
        if (answers.size() == 1) {
            // One agent asked alone (method ner, rag, …): its own calibration, "solo.<agent>.<kind>".
            AgentAnswer a = answers.getFirst();
            return ok(a) ? List.of(option(a.brand(), "solo." + a.agent() + "." + a.detail(), a.brand().score(),
                    List.of(a.agent()))) : List.of();
        }
        AgentAnswer ner = find(answers, "ner");
        AgentAnswer rag = find(answers, "rag");
        List<Option> out = new ArrayList<>();
        BrandGuess nb = ok(ner) ? ner.brand() : null;
        BrandGuess rb = ok(rag) ? rag.brand() : null;
        if (nb != null) {
            String state = rag == null || rag.status() == AgentStatus.SKIPPED ? ""
                    : rb == null ? ".none" : rb.sameBrand(nb) ? ".agree" : ".other";
            double raw = state.equals(".agree") ? (nb.score() + rb.score()) / 2 : nb.score();
            List<String> agents = state.equals(".agree") ? List.of("ner", "rag") : List.of("ner");
            out.add(option(nb, "ner." + ner.detail() + state, raw, agents));
        }
        if (rb != null && (nb == null || !rb.sameBrand(nb))) {
            String state = ner == null || ner.status() == AgentStatus.SKIPPED ? "" : nb == null ? ".alone" : ".other";
            out.add(option(rb, "rag." + rag.detail() + state, rb.score(), List.of("rag")));
        }
        for (AgentAnswer a : answers) {
            if (ok(a) && !a.agent().equals("ner") && !a.agent().equals("rag")) {
                List<String> agents = new ArrayList<>();
                agents.add(a.agent());
                for (Option o : out) {
                    if (o.brand().sameBrand(a.brand())) {
                        agents.addAll(o.agents());
                    }
                }
                out.add(option(a.brand(), a.agent() + "." + a.detail() + nersOwnWords(a, nb, ner), a.brand().score(),
                        agents));
            }
        }
        out.sort(Comparator.comparingDouble(Option::probability).reversed());
        return out;
    }

    /**
     * {@code .new_words} where another agent answered NER's new name made only of words the catalog also writes as
     * words ({@code Clothes Hanger}) for no reason of its own ({@code ner_only}): such a name is calibrated apart, as
     * it is a brand less often, and the agent passing it on knows no better.
     */
    private static String nersOwnWords(AgentAnswer a, BrandGuess nb, AgentAnswer ner) {
        return nb != null && NewNameKinds.madeOfCatalogWords(ner.detail()) && "ner_only".equals(a.detail())
                && a.brand().sameBrand(nb) ? ".new_words" : "";
    }

    /**
     * NER's answer as options of its own when it alone is sure enough for the cascade to stop at (a brand the
     * knowledge base knows, whose calibrated probability on its own reaches {@code at}); none otherwise. A name the
     * knowledge base does not know never is: retrieval gives it its category, and the calibration of new names is the
     * one that moves most from one fit to the next (a refit once put them at 0.9 where 75% of dev's were right).
     */
    public List<Option> soloIfSure(AgentAnswer ner, double at) {
        if (!ok(ner) || ner.brand().id() == null) {
            return List.of();
        }
        List<Option> alone = options(List.of(ner));
        return !alone.isEmpty() && alone.getFirst().probability() >= at ? alone : List.of();
    }

    /** The chosen category with its calibrated confidence. */
    public CategoryGuess calibrated(OrchestratorEngine.ChosenCategory chosen) {
        if (chosen == null) {
            return null;
        }
        CategoryGuess c = chosen.guess();
        return new CategoryGuess(c.path(), calibration.probability(chosen.kind(), c.confidence()));
    }

    private Option option(BrandGuess brand, String kind, double raw, List<String> agents) {
        double p = calibration.probability(kind, raw);
        return new Option(brand.withScore(p), kind, raw, p, agents);
    }

    private static boolean ok(AgentAnswer a) {
        return a != null && a.status() == AgentStatus.OK && a.brand() != null;
    }

    static AgentAnswer find(List<AgentAnswer> answers, String agent) {
        for (AgentAnswer a : answers) {
            if (a.agent().equals(agent)) {
                return a;
            }
        }
        return null;
    }
}
