package io.mli.rag.service;

import io.mli.rag.engine.RagEngine;
import io.mli.servicekit.agent.AgentRuntime;
import io.mli.servicekit.agent.CpuLimiter;
import io.mli.servicekit.config.KnowledgeBaseSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The retrieval engine over the configured knowledge base and its store — Milvus when {@code MILVUS_URI} or
 * {@code MILVUS_HOST} is set (the deployment guide's names), the knowledge base's Lucene index otherwise; CPU-bound,
 * so behind the limit. The variables are read through Spring's environment, so they can also be given as
 * properties or arguments.
 */
@Configuration(proxyBeanMethods = false)
class RagWiring {
    static final List<String> STORE_VARIABLES = List.of("MILVUS_URI", "MILVUS_HOST", "MILVUS_PORT", "MILVUS_TOKEN",
            "MILVUS_COLLECTION", "MLI_EMBEDDER", "AWS_DEFAULT_REGION");

    @Bean
    AgentRuntime ragRuntime(KnowledgeBaseSource kb, CpuLimiter cpu, Environment environment) {
        Map<String, String> env = new HashMap<>();
        for (String name : STORE_VARIABLES) {
            String value = environment.getProperty(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return AgentRuntime.overKnowledgeBase("rag", kb,
                (k, dir) -> AgentRuntime.warmedUp(RagEngine.open(k, dir, env)), cpu);
    }
}
