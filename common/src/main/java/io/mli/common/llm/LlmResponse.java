package io.mli.common.llm;

/** The model's structured answer as raw JSON text, with token counts and why it stopped. */
public record LlmResponse(String json, int inputTokens, int outputTokens, String stopReason, String modelId) {
}
