package io.mli.common.llm;

/**
 * Port: one stateless structured completion. Adapters: Amazon Bedrock Converse and OpenAI-compatible chat
 * completions (Ollama, vLLM, llama.cpp). Throws {@link LlmException} on failure, saying whether a retry may help.
 */
public interface LlmClient {

    /** Provider and model, e.g. {@code bedrock:amazon.nova-pro-v1:0}. */
    String id();

    LlmResponse complete(LlmRequest request);
}
