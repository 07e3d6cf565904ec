package io.mli.common.llm;

/**
 * One stateless chat turn: the rules ({@code systemPrompt}), the data ({@code userMessage}: the title and the
 * candidate brands, never mixed into the rules), and the JSON schema the answer must follow. Adapters enforce the
 * schema the provider's way: a forced tool call on Bedrock Converse, {@code response_format} on OpenAI-compatible
 * servers.
 */
public record LlmRequest(String systemPrompt, String userMessage, String jsonSchema, double temperature,
                         int maxTokens) {
    /** The name under which adapters register the schema (Converse tool name, OpenAI json_schema name). */
    public static final String SCHEMA_NAME = "record_answer";

    public LlmRequest {
        if (systemPrompt == null || userMessage == null || jsonSchema == null) {
            throw new IllegalArgumentException("system prompt, user message and schema are required");
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive");
        }
    }
}
