package io.mli.llm.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.mli.llm.engine.LlmAgentEngine;
import io.mli.llm.engine.MicrometerLlmUsageListener;
import io.mli.servicekit.agent.AgentRuntime;
import io.mli.servicekit.config.KnowledgeBaseSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that builds the LLM engine: provider and settings from the environment ({@code LLM_PROVIDER},
 * {@code BEDROCK_*}, {@code OPENAI_*}, {@code LLM_*}), token and cost counters into the service's registry. Without a
 * provider the engine reports itself unavailable (and {@code /health} says why); it never invents an answer. Settings
 * that are present but wrong fail the load, so readiness stays down with the reason. No CPU limit: the work is a
 * remote call.
 */
@Configuration(proxyBeanMethods = false)
class LlmWiring {

    @Bean
    AgentRuntime llmRuntime(KnowledgeBaseSource kb, MeterRegistry registry) {
        MicrometerLlmUsageListener usage = new MicrometerLlmUsageListener(registry);
        return AgentRuntime.overKnowledgeBase("llm", kb,
                (k, dir) -> LlmAgentEngine.fromEnvironment(k, System.getenv(), usage), null);
    }
}
