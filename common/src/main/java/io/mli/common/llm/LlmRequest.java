package io.mli.common.llm;

/**
 * One stateless chat turn: the rules ({@code systemPrompt}), the data ({@code userMessage}: the title and the
 * candidate brands, never mixed into the rules), and the JSON schema the answer must follow.
 */
public record LlmRequest(String systemPrompt, String userMessage, String jsonSchema, double temperature,
                         int maxTokens) {
}
