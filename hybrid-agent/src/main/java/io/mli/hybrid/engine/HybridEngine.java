package io.mli.hybrid.engine;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.InferenceRequest;

/**
 * The hybrid agent's engine: NER, then retrieval restricted to and checked against NER's candidates, then the LLM
 * when one is configured, stopping as soon as the answer is confident. The three steps are {@link BrandAgent}s:
 * in-process engines in {@code mli}, HTTP clients of the other agents in the service. (First cut.)
 */
public final class HybridEngine implements BrandAgent {
    private final BrandAgent ner;
    private final BrandAgent rag;
    private final BrandAgent llm;

    /** {@code llm} may be null when no LLM is configured. */
    public HybridEngine(BrandAgent ner, BrandAgent rag, BrandAgent llm) {
        this.ner = ner;
        this.rag = rag;
        this.llm = llm;
    }

    @Override
    public String name() {
        return "hybrid";
    }

    @Override
    public AgentAnswer infer(InferenceRequest request) {
        AgentAnswer n = ner.infer(request);
        if (n.status() == AgentStatus.OK) {
            return new AgentAnswer(name(), n.status(), n.brand(), n.alternatives(), n.category(), "ner", 0,
                    java.util.Map.of());
        }
        AgentAnswer r = rag.infer(request.withCandidates(n.alternatives()));
        return new AgentAnswer(name(), r.status(), r.brand(), r.alternatives(), r.category(), "rag", 0,
                java.util.Map.of());
    }
}
