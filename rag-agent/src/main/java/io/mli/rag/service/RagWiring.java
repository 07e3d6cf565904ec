package io.mli.rag.service;

import io.mli.rag.engine.RagEngine;
import io.mli.servicekit.agent.AgentRuntime;
import io.mli.servicekit.agent.CpuLimiter;
import io.mli.servicekit.config.KnowledgeBaseSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retrieval engine over the configured knowledge base and its index; CPU-bound, so behind the limit. */
@Configuration(proxyBeanMethods = false)
class RagWiring {

    @Bean
    AgentRuntime ragRuntime(KnowledgeBaseSource kb, CpuLimiter cpu) {
        return AgentRuntime.overKnowledgeBase("rag", kb,
                (k, dir) -> AgentRuntime.warmedUp(RagEngine.open(k, dir)), cpu);
    }
}
