package io.mli.orchestrator.service;

import io.mli.orchestrator.engine.OrchestratorSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the orchestrator's cascade behaves ({@code mli.cascade.*} in {@code orchestrator.yml}), checked at start-up;
 * what is not set takes the engine's defaults ({@link OrchestratorSettings}).
 *
 * @param acceptAt         NER and retrieval agreeing at or above this calibrated probability answer at once
 * @param abstainBelow     below this calibrated probability the answer is an abstention (Latin-script titles)
 * @param abstainBelowThai the same for Thai and mixed titles, unless the answer rests only on Latin words opening the
 *                         title ({@code RAPOO เม้าส์ไร้สาย}), which are held to {@code abstainBelow}
 * @param nerFirst         ask NER alone first and skip retrieval when it is sure: one call instead of two for most
 *                         titles, and the same answers as {@code mli infer} in-process; false asks NER and
 *                         retrieval in parallel every time
 * @param nerSureAt        NER's calibrated probability at which it answers alone (for a brand the knowledge base
 *                         knows; a new name always has retrieval asked too)
 * @param thaiInParallel   with {@code nerFirst}, start retrieval beside NER for titles in Thai script, which NER
 *                         alone is seldom sure of: one round trip less for those, a retrieval call in vain for
 *                         those that NER settles alone or that have no candidate at all, and no check of NER's
 *                         candidates for the hybrid agent (default false: measured slower and costlier since
 *                         retrieval checks the candidates, docs/benchmarks.md)
 */
@ConfigurationProperties("mli.cascade")
public record CascadeProperties(Double acceptAt, Double abstainBelow, Double abstainBelowThai, Boolean nerFirst,
                                Double nerSureAt, Boolean thaiInParallel) {

    public CascadeProperties {
        OrchestratorSettings d = OrchestratorSettings.defaults();
        acceptAt = probability("accept-at", acceptAt, d.acceptAt());
        abstainBelow = probability("abstain-below", abstainBelow, d.abstainBelow());
        abstainBelowThai = probability("abstain-below-thai", abstainBelowThai, d.abstainBelowThai());
        nerFirst = nerFirst == null || nerFirst;
        thaiInParallel = thaiInParallel != null && thaiInParallel;
        nerSureAt = probability("ner-sure-at", nerSureAt, OrchestratorSettings.DEFAULT_NER_SURE_AT);
    }

    private static double probability(String name, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("mli.cascade." + name + " must be a probability in [0, 1], not " + v);
        }
        return v;
    }
}
