package io.mli.hybrid.service;

import io.mli.hybrid.engine.HybridEngine;
import io.mli.servicekit.agent.AgentClients;
import io.mli.servicekit.agent.AgentRuntime;
import io.mli.servicekit.config.MliProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hybrid engine over HTTP clients of the NER, RAG and LLM agents ({@code MLI_NER_URL}, {@code MLI_RAG_URL},
 * {@code MLI_LLM_URL}; the LLM only when {@code LLM_PROVIDER} is set for this service too). Its own work is waiting on those calls, so it runs without the CPU limit.
 */
@Configuration(proxyBeanMethods = false)
class HybridWiring {

    /** The LLM agent is only asked when a provider is configured ({@code LLM_PROVIDER}), as in {@code mli}. */
    @Bean
    AgentRuntime hybridRuntime(AgentClients clients, MliProperties props) {
        return AgentRuntime.of(new HybridEngine(clients.client("ner"), clients.client("rag"),
                props.llmEnabled() ? clients.client("llm") : null), null, null);
    }
}
