package io.mli.common.domain;

import java.util.List;

/**
 * One title to infer. {@code candidates} are brands an upstream step already proposed (the hybrid agent passes the
 * NER agent's candidates on to retrieval and to the LLM); empty when there are none. Two fields let the
 * orchestrator spare the hybrid agent a call to retrieval: {@code check}, brands retrieval is to check besides
 * giving its own answer (NER's candidates, when NER answered before retrieval was asked), answered in
 * {@link AgentAnswer#checked()}; and {@code checked}, that answer, passed on to the hybrid agent with the same brands
 * as {@code candidates}. Empty and null when there are none.
 */
public record InferenceRequest(String title, LanguageHint languageHint, int topK, List<BrandGuess> candidates,
                               List<BrandGuess> check, AgentAnswer checked) {
    public static final int MAX_TITLE_CHARS = 1_000;

    public InferenceRequest {
        if (title == null) {
            throw new IllegalArgumentException("title is required");
        }
        languageHint = languageHint == null ? LanguageHint.AUTO : languageHint;
        topK = topK <= 0 ? 3 : Math.min(topK, 10);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        check = check == null ? List.of() : List.copyOf(check);
    }

    public InferenceRequest(String title, LanguageHint languageHint, int topK, List<BrandGuess> candidates) {
        this(title, languageHint, topK, candidates, List.of(), null);
    }

    public static InferenceRequest of(String title) {
        return new InferenceRequest(title, LanguageHint.AUTO, 3, List.of());
    }

    public InferenceRequest withCandidates(List<BrandGuess> newCandidates) {
        return new InferenceRequest(title, languageHint, topK, newCandidates, check, checked);
    }

    /** Asks retrieval to check these brands too (see {@link AgentAnswer#checked()}). */
    public InferenceRequest withCheck(List<BrandGuess> brands) {
        return new InferenceRequest(title, languageHint, topK, candidates, brands, checked);
    }

    /** Passes on retrieval's vote restricted to {@code candidates}, made upstream. */
    public InferenceRequest withChecked(AgentAnswer answer) {
        return new InferenceRequest(title, languageHint, topK, candidates, check, answer);
    }
}
