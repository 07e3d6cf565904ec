package io.mli.orchestrator.engine;

import java.time.Duration;
import java.util.Map;

/**
 * How the orchestrator engine behaves: per-agent time-outs (the default applies to agents not named), the
 * confidence at or above which the cascade stops early, and the calibrated confidence below which it abstains —
 * higher for titles in Thai script ({@code abstainBelowThai}), because the catalogs calibration is fitted on are
 * mostly Latin-script and the probabilities of Thai answers are the less certain for it.
 */
public record OrchestratorSettings(Map<String, Duration> timeouts, Duration defaultTimeout, double acceptAt,
                                   double abstainBelow, double abstainBelowThai, boolean nerFirst, double nerSureAt,
                                   boolean thaiInParallel) {

    public OrchestratorSettings(Map<String, Duration> timeouts, Duration defaultTimeout, double acceptAt,
                                double abstainBelow) {
        this(timeouts, defaultTimeout, acceptAt, abstainBelow, Math.max(abstainBelow, DEFAULT_ABSTAIN_THAI));
    }

    public OrchestratorSettings(Map<String, Duration> timeouts, Duration defaultTimeout, double acceptAt,
                                double abstainBelow, double abstainBelowThai) {
        this(timeouts, defaultTimeout, acceptAt, abstainBelow, abstainBelowThai, false, 1.0, false);
    }

    /**
     * The same settings, asking NER alone first and answering without retrieval when NER's calibrated probability
     * reaches {@code sureAt}: retrieval costs CPU (in the fleet a second call too) and NER is sure of most titles.
     */
    public OrchestratorSettings nerFirst(double sureAt) {
        return new OrchestratorSettings(timeouts, defaultTimeout, acceptAt, abstainBelow, abstainBelowThai, true,
                sureAt, thaiInParallel);
    }

    /**
     * The same settings, where NER goes first, starting retrieval beside NER at once for titles in Thai script
     * ({@code th}, {@code mixed}). NER alone is seldom sure of those (the catalogs the calibration is fitted on are
     * Latin-script), so retrieval is asked for most of them anyway, and asking it beside NER saves a round trip.
     * The answers stay NER-first's: where NER decides alone, retrieval's answer is not waited for nor used (its call
     * is made in vain). Worth it only where the agents run concurrently (the fleet); in-process, one after the
     * other, it would only add retrieval calls.
     */
    public OrchestratorSettings thaiInParallel(boolean inParallel) {
        return new OrchestratorSettings(timeouts, defaultTimeout, acceptAt, abstainBelow, abstainBelowThai, nerFirst,
                nerSureAt, inParallel);
    }

    public static final double DEFAULT_ABSTAIN = 0.3;
    public static final double DEFAULT_ABSTAIN_THAI = 0.6;
    /** NER's calibrated probability at which the cascade lets it answer alone (when NER goes first). */
    public static final double DEFAULT_NER_SURE_AT = 0.97;

    public OrchestratorSettings {
        timeouts = timeouts == null ? Map.of() : Map.copyOf(timeouts);
        defaultTimeout = defaultTimeout == null ? Duration.ofMillis(250) : defaultTimeout;
        if (acceptAt <= 0 || acceptAt > 1 || abstainBelow < 0 || abstainBelow > 1 || abstainBelowThai < 0
                || abstainBelowThai > 1) {
            throw new IllegalArgumentException("acceptAt and abstainBelow must be in (0, 1]");
        }
    }

    public static OrchestratorSettings defaults() {
        return new OrchestratorSettings(Map.of("ner", Duration.ofMillis(250), "rag", Duration.ofMillis(250),
                "hybrid", Duration.ofMillis(250), "llm", Duration.ofSeconds(5)), Duration.ofMillis(250), 0.9, DEFAULT_ABSTAIN,
                DEFAULT_ABSTAIN_THAI);
    }

    /** The abstention threshold for a title in the given language ({@code th}, {@code mixed}, {@code en}, …). */
    public double abstainBelow(String language) {
        return thaiScript(language) ? abstainBelowThai : abstainBelow;
    }

    /** Whether a title of this detected language is written (at least partly) in Thai script. */
    public static boolean thaiScript(String language) {
        return "th".equals(language) || "mixed".equals(language);
    }

    public Duration timeout(String agent) {
        return timeouts.getOrDefault(agent, defaultTimeout);
    }
}
