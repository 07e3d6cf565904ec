package io.mli.common.domain;

import java.util.List;

/**
 * One title to infer. {@code candidates} are brands an upstream step already proposed (the hybrid agent passes the
 * NER agent's candidates on to retrieval and to the LLM); empty when there are none.
 */
public record InferenceRequest(String title, LanguageHint languageHint, int topK, List<BrandGuess> candidates) {
    public static final int MAX_TITLE_CHARS = 1_000;

    public InferenceRequest {
        if (title == null) {
            throw new IllegalArgumentException("title is required");
        }
        languageHint = languageHint == null ? LanguageHint.AUTO : languageHint;
        topK = topK <= 0 ? 3 : Math.min(topK, 10);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public static InferenceRequest of(String title) {
        return new InferenceRequest(title, LanguageHint.AUTO, 3, List.of());
    }

    public InferenceRequest withCandidates(List<BrandGuess> newCandidates) {
        return new InferenceRequest(title, languageHint, topK, newCandidates);
    }
}
