package io.mli.common.agent;

import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.InferenceRequest;

/**
 * What every agent does: read one title and answer with a brand or an abstention. Engines implement it in-process;
 * the services expose it over HTTP and the orchestrator and hybrid agent reach the others through HTTP
 * implementations of this same interface, so the {@code mli} command and the fleet run the same logic.
 *
 * <p>Implementations are thread-safe and never throw for a bad title: they answer with a status instead.
 */
public interface BrandAgent {

    /** The agent's name: {@code ner}, {@code rag}, {@code llm}, {@code hybrid} or {@code orchestrator}. */
    String name();

    AgentAnswer infer(InferenceRequest request);

    /** Null when the agent can answer; otherwise why not (shown in health and in {@code agent_results}). */
    default String unavailableReason() {
        return null;
    }

    /** What the agent answers from, for health (e.g. {@code milvus at http://milvus:19530}); null when nothing. */
    default String backend() {
        return null;
    }
}
