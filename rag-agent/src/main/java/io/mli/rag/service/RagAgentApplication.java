package io.mli.rag.service;

import io.mli.servicekit.ServiceLauncher;
import io.mli.servicekit.agent.AgentEndpoints;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The rag-agent service (port 8082): a thin Spring Boot shell over {@link io.mli.rag.engine.RagEngine}. */
@SpringBootApplication
@Import(AgentEndpoints.class)
public class RagAgentApplication {
    public static final String SERVICE = "rag-agent";

    public static void main(String[] args) {
        ServiceLauncher.run(RagAgentApplication.class, SERVICE, args);
    }
}
