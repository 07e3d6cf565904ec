package io.mli.orchestrator.engine;

import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.Span;
import io.mli.common.kb.SalesTalk;
import io.mli.common.text.Script;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the orchestrator engine behaves: per-agent time-outs (the default applies to agents not named), the
 * confidence at or above which the cascade stops early, and the calibrated confidence below which it abstains —
 * higher for titles in Thai script ({@code abstainBelowThai}), because the catalogs calibration is fitted on are
 * mostly Latin-script and the probabilities of Thai answers are the less certain for it (except for a Latin name
 * opening such a title: see {@link #abstainBelow(String, String, BrandGuess)}).
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
    /**
     * NER's calibrated probability at which the cascade lets it answer alone (when NER goes first). Where NER alone is
     * this sure, retrieval and the hybrid step only refine the confidence: on the catalog's held-out split they changed
     * none of NER's answers above 0.5 ({@code mli kb build} reports it for every catalog), on dev.jsonl none between
     * 0.7 and 0.97, on 2,000 Thai shop titles none at 0.85. Below 0.85 stay the Thai spellings NER alone puts at 0.81,
     * which retrieval's agreement lifts to 0.93, nearer the share of them that is right, and most new brands, which
     * get their category from retrieval. At 0.97 (before) retrieval was asked for 37% of dev titles; at 0.85 the
     * in-process cascade runs about twice as fast (docs/benchmarks.md).
     */
    public static final double DEFAULT_NER_SURE_AT = 0.85;

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
                "hybrid", Duration.ofMillis(250), "llm", Duration.ofSeconds(5)), Duration.ofMillis(250), 0.9,
                DEFAULT_ABSTAIN, DEFAULT_ABSTAIN_THAI);
    }

    /** The abstention threshold for a title in the given language ({@code th}, {@code mixed}, {@code en}, …). */
    public double abstainBelow(String language) {
        return thaiScript(language) ? abstainBelowThai : abstainBelow;
    }

    /**
     * The abstention threshold for an answer to a title in the given language. The higher Thai one is for answers
     * that rest on Thai words (a Thai spelling, a sound-alike) or on none (retrieval's vote): the calibration was
     * fitted on catalogs written mostly in Latin script. An answer that rests only on Latin words opening the title,
     * as a Thai shop writes {@code RAPOO เม้าส์ไร้สาย} or {@code MOMENTO ผ้าขนหนู}, is held to the Latin threshold,
     * like the titles those words come from. Latin words further in ({@code ME STYLE DISNEY เสื้อ}, a model code,
     * {@code KEEP WARM}) are not: there they are as often a licence, a code or a feature as the maker.
     */
    public double abstainBelow(String language, String title, BrandGuess answer) {
        if (!thaiScript(language) || answer == null || title == null) {
            return abstainBelow(language);
        }
        List<Span> spans = answer.evidence().stream().map(Evidence::span).filter(Objects::nonNull)
                .filter(s -> s.end() <= title.length()).toList();
        if (spans.isEmpty()) {
            return abstainBelowThai;
        }
        int first = spans.stream().mapToInt(Span::start).min().orElseThrow();
        // A promotion tag before the name ([โปรแรง] RAPOO …) is not a word of the title before it.
        boolean nothingBefore = SalesTalk.blanked(title).substring(0, first).codePoints()
                .noneMatch(Character::isLetter);
        boolean latinOpening = nothingBefore && spans.stream().allMatch(
                s -> !Script.hasThai(s.text()) && s.text().codePoints().anyMatch(c -> Script.of(c) == Script.LATIN));
        return latinOpening ? abstainBelow : abstainBelowThai;
    }

    /** Whether a title of this detected language is written (at least partly) in Thai script. */
    public static boolean thaiScript(String language) {
        return "th".equals(language) || "mixed".equals(language);
    }

    public Duration timeout(String agent) {
        return timeouts.getOrDefault(agent, defaultTimeout);
    }
}
