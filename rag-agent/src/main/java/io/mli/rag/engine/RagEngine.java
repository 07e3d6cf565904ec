package io.mli.rag.engine;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.kb.KnowledgeBase;
import java.nio.file.Path;
import java.util.List;

/** The RAG agent's engine. (Placeholder until the retrieval issue lands: always abstains.) */
public final class RagEngine implements BrandAgent {
    private final KnowledgeBase kb;

    private RagEngine(KnowledgeBase kb) {
        this.kb = kb;
    }

    public static RagEngine open(KnowledgeBase kb, Path kbDir) {
        return new RagEngine(kb);
    }

    @Override
    public String name() {
        return "rag";
    }

    @Override
    public AgentAnswer infer(InferenceRequest request) {
        return AgentAnswer.abstained(name(), List.of(), null, "retrieval not built yet");
    }
}
