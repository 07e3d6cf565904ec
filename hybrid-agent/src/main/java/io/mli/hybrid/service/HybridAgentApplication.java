package io.mli.hybrid.service;

import io.mli.servicekit.ServiceLauncher;
import io.mli.servicekit.agent.AgentEndpoints;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The hybrid-agent service (port 8084): a thin Spring Boot shell over {@link io.mli.hybrid.engine.HybridEngine}. */
@SpringBootApplication
@Import(AgentEndpoints.class)
public class HybridAgentApplication {
    public static final String SERVICE = "hybrid-agent";

    public static void main(String[] args) {
        ServiceLauncher.run(HybridAgentApplication.class, SERVICE, args);
    }
}
