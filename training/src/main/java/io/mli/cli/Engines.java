package io.mli.cli;

import io.mli.common.agent.BrandAgent;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseStore;
import io.mli.hybrid.engine.HybridEngine;
import io.mli.llm.engine.LlmAgentEngine;
import io.mli.llm.engine.LlmUsageListener;
import io.mli.ner.engine.NerEngine;
import io.mli.orchestrator.engine.Calibration;
import io.mli.orchestrator.engine.OrchestratorEngine;
import io.mli.orchestrator.engine.OrchestratorSettings;
import io.mli.rag.engine.RagEngine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engines of the whole fleet, opened in-process over one knowledge base (a directory, or the starter knowledge
 * base when none is given): what {@code mli infer}, {@code eval} and {@code bench} run.
 */
public final class Engines implements AutoCloseable {
    private final KnowledgeBase kb;
    private final OrchestratorEngine orchestrator;

    private Engines(KnowledgeBase kb, OrchestratorEngine orchestrator) {
        this.kb = kb;
        this.orchestrator = orchestrator;
    }

    public static Engines open(Path kbDir) {
        KnowledgeBase kb = KnowledgeBaseStore.loadOrStarter(kbDir);
        NerEngine ner = NerEngine.open(kb, kbDir);
        RagEngine rag = RagEngine.open(kb, kbDir);
        // LLM_PROVIDER=bedrock|openai|none (default none) and the provider's variables, as in the services.
        LlmAgentEngine llm = LlmAgentEngine.fromEnvironment(kb, System.getenv(), LlmUsageListener.NONE);
        HybridEngine hybrid = new HybridEngine(ner, rag, llm.unavailableReason() == null ? llm : null);
        Map<String, BrandAgent> agents = new LinkedHashMap<>();
        agents.put("ner", ner);
        agents.put("rag", rag);
        agents.put("llm", llm);
        agents.put("hybrid", hybrid);
        // Generous time-outs where they apply (an LLM configured): no network between the engines, but a slow first
        // call (JIT) must not be reported as a time-out, and the LLM is a remote call with its own retries.
        OrchestratorSettings s = OrchestratorSettings.defaults();
        OrchestratorSettings inProcess = new OrchestratorSettings(Map.of("llm", java.time.Duration.ofSeconds(30)),
                java.time.Duration.ofSeconds(10), s.acceptAt(), s.abstainBelow(), s.abstainBelowThai())
                .nerFirst(OrchestratorSettings.DEFAULT_NER_SURE_AT);
        Calibration calibration;
        try {
            calibration = kbDir == null ? Calibration.identity()
                    : Calibration.load(new io.mli.common.kb.KbLayout(kbDir).calibrationFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // The engines run on the caller's thread, without time-outs, unless an LLM is configured: that one is a
        // remote call, which keeps the time-outs and the parallel calls.
        boolean callerRuns = llm.unavailableReason() != null;
        return new Engines(kb, new OrchestratorEngine(agents, inProcess, calibration,
                new OrchestratorEngine.Listener() { }, callerRuns));
    }

    public KnowledgeBase kb() {
        return kb;
    }

    public OrchestratorEngine orchestrator() {
        return orchestrator;
    }

    @Override
    public void close() {
        orchestrator.close();
    }
}
