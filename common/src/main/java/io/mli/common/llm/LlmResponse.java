package io.mli.common.llm;

/**
 * The model's structured answer as raw JSON text (null when there is none, e.g. after a refusal), with token counts
 * and why it stopped. Adapters normalise {@code stopReason} to {@link #COMPLETE}, {@link #MAX_TOKENS},
 * {@link #REFUSED} or {@link #OTHER}, so the agent need not know each provider's vocabulary.
 */
public record LlmResponse(String json, int inputTokens, int outputTokens, String stopReason, String modelId) {
    /** The model finished its answer (Converse end_turn / tool_use, OpenAI stop / tool_calls). */
    public static final String COMPLETE = "complete";
    /** The answer was cut off by the token limit. */
    public static final String MAX_TOKENS = "max_tokens";
    /** The model or a guardrail declined to answer (content filter, guardrail, OpenAI {@code refusal}). */
    public static final String REFUSED = "refused";
    /** Anything else. */
    public static final String OTHER = "other";

    public boolean refused() {
        return REFUSED.equals(stopReason);
    }
}
