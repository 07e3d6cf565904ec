package io.mli.ner.service;

import io.mli.servicekit.ServiceLauncher;
import io.mli.servicekit.agent.AgentEndpoints;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The ner-agent service (port 8081): a thin Spring Boot shell over {@link io.mli.ner.engine.NerEngine}. */
@SpringBootApplication
@Import(AgentEndpoints.class)
public class NerAgentApplication {
    public static final String SERVICE = "ner-agent";

    public static void main(String[] args) {
        ServiceLauncher.run(NerAgentApplication.class, SERVICE, args);
    }
}
