package io.mli.llm.service;

import io.mli.servicekit.ServiceLauncher;
import io.mli.servicekit.agent.AgentEndpoints;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The llm-agent service (port 8083): a thin Spring Boot shell over {@link io.mli.llm.engine.LlmAgentEngine}. */
@SpringBootApplication
@Import(AgentEndpoints.class)
public class LlmAgentApplication {
    public static final String SERVICE = "llm-agent";

    public static void main(String[] args) {
        ServiceLauncher.run(LlmAgentApplication.class, SERVICE, args);
    }
}
