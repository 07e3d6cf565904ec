package io.mli.llm.service;

import io.mli.common.llm.LlmClient;
import io.mli.llm.engine.LlmAgentEngine;
import io.mli.servicekit.agent.AgentRuntime;
import io.mli.servicekit.config.KnowledgeBaseSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that picks the LLM client and builds the LLM engine. Without a provider the engine reports itself
 * unavailable (and {@code /health} says why); it never invents an answer. No CPU limit: its work is a remote call.
 */
@Configuration(proxyBeanMethods = false)
class LlmWiring {

    @Bean
    AgentRuntime llmRuntime(KnowledgeBaseSource kb) {
        // Until the LLM adapters land there is no client: the engine then reports "no LLM provider configured".
        // With them: LlmClients.fromEnvironment(System.getenv()).orElse(null), and the constructor with LlmSettings.
        LlmClient client = null;
        return AgentRuntime.overKnowledgeBase("llm", kb, (k, dir) -> new LlmAgentEngine(k, client), null);
    }
}
