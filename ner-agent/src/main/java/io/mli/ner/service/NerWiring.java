package io.mli.ner.service;

import io.mli.ner.engine.NerEngine;
import io.mli.servicekit.agent.AgentRuntime;
import io.mli.servicekit.agent.CpuLimiter;
import io.mli.servicekit.config.KnowledgeBaseSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The NER engine over the configured knowledge base, loaded in the background; CPU-bound, so behind the limit. */
@Configuration(proxyBeanMethods = false)
class NerWiring {

    @Bean
    AgentRuntime nerRuntime(KnowledgeBaseSource kb, CpuLimiter cpu) {
        return AgentRuntime.overKnowledgeBase("ner", kb,
                (k, dir) -> AgentRuntime.warmedUp(NerEngine.open(k, dir)), cpu);
    }
}
