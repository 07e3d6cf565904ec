package io.mli.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.StarterKnowledgeBase;
import io.mli.llm.engine.LlmAgentEngine;
import io.mli.ner.engine.NerEngine;
import io.mli.orchestrator.engine.OrchestratorEngine;
import io.mli.orchestrator.engine.OrchestratorSettings;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the LLM provider down, the LLM agent reports itself unavailable and the orchestrator answers without it. */
class LlmProviderDownFleetTest {

    @Test
    void theOrchestratorCarriesOnWithoutTheLlm() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        KnowledgeBase kb = StarterKnowledgeBase.get();
        LlmAgentEngine llm = LlmAgentEngine.fromEnvironment(kb, Map.of("LLM_PROVIDER", "openai",
                "OPENAI_BASE_URL", "http://127.0.0.1:" + deadPort + "/v1", "OPENAI_MODEL", "m"), null);
        Map<String, BrandAgent> agents = new LinkedHashMap<>();
        agents.put("ner", NerEngine.open(kb, null));
        agents.put("llm", llm);
        OrchestratorSettings d = OrchestratorSettings.defaults();
        var settings = new OrchestratorSettings(Map.of("llm", java.time.Duration.ofSeconds(30)),
                java.time.Duration.ofSeconds(30), d.acceptAt(), d.abstainBelow());
        try (OrchestratorEngine orchestrator = new OrchestratorEngine(agents, settings)) {
            InferenceResult r = orchestrator.infer(
                    InferenceRequest.of("Eucerin Spotless Brightening Body Lotion 250ml ยูเซอริน"),
                    Method.ORCHESTRATOR, Mode.ALL);
            AgentAnswer llmAnswer = r.agentResults().stream().filter(a -> a.agent().equals("llm")).findFirst()
                    .orElseThrow();
            assertThat(llmAnswer.status()).isEqualTo(AgentStatus.UNAVAILABLE);
            assertThat(llmAnswer.detail()).contains("unreachable");
            assertThat(r.agentResults()).anySatisfy(a -> assertThat(a.agent()).isEqualTo("ner"));
            assertThat(r.brand()).isNotNull();
            assertThat(r.brand().name()).isEqualTo("Eucerin");
        }
    }
}
