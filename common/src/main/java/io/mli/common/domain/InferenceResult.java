package io.mli.common.domain;

import java.util.List;

/**
 * The answer to one title, as the public API and {@code mli infer} give it: the calibrated brand (null to abstain,
 * with the reason), the runners-up, the category, where the brand stands in the title and which agents agreed, and
 * every agent's own result.
 */
public record InferenceResult(
        String productName,
        String language,
        Method method,
        Mode mode,
        BrandGuess brand,
        String abstainReason,
        List<BrandGuess> alternatives,
        CategoryGuess category,
        List<String> agreedAgents,
        List<Span> spans,
        List<AgentAnswer> agentResults,
        double processingTimeMs) {

    public InferenceResult {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        agreedAgents = agreedAgents == null ? List.of() : List.copyOf(agreedAgents);
        spans = spans == null ? List.of() : List.copyOf(spans);
        agentResults = agentResults == null ? List.of() : List.copyOf(agentResults);
    }
}
