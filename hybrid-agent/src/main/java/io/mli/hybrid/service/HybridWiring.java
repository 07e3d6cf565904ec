package io.mli.hybrid.service;

import io.mli.hybrid.engine.HybridEngine;
import io.mli.servicekit.agent.AgentClients;
import io.mli.servicekit.agent.AgentRuntime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hybrid engine over HTTP clients of the NER, RAG and LLM agents ({@code MLI_NER_URL}, {@code MLI_RAG_URL},
 * {@code MLI_LLM_URL}). Its own work is waiting on those calls, so it runs without the CPU limit.
 */
@Configuration(proxyBeanMethods = false)
class HybridWiring {

    @Bean
    AgentRuntime hybridRuntime(AgentClients clients) {
        return AgentRuntime.of(new HybridEngine(clients.client("ner"), clients.client("rag"), clients.client("llm")),
                null, null);
    }
}
