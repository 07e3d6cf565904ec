package io.mli.llm.engine;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.llm.LlmClient;

/**
 * The LLM agent's engine. With no provider configured it is unavailable and says why; it never invents an answer.
 * (First cut: the LLM issue adds prompting, parsing and the checks against the title.)
 */
public final class LlmAgentEngine implements BrandAgent {
    private final KnowledgeBase kb;
    private final LlmClient client;

    /** {@code client} is null when no provider is configured ({@code LLM_PROVIDER=none}). */
    public LlmAgentEngine(KnowledgeBase kb, LlmClient client) {
        this.kb = kb;
        this.client = client;
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public String unavailableReason() {
        return client == null ? "no LLM provider configured (LLM_PROVIDER=none)" : null;
    }

    @Override
    public AgentAnswer infer(InferenceRequest request) {
        return AgentAnswer.failed(name(), AgentStatus.UNAVAILABLE, unavailableReason());
    }
}
