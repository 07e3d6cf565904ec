package io.mli.orchestrator.service;

import io.mli.servicekit.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The orchestrator service (port 8080): the public API ({@code POST /inference}, {@code /inference/batch},
 * {@code /infer}, {@code GET /}) over {@link io.mli.orchestrator.engine.OrchestratorEngine}, which reaches the agents
 * over HTTP.
 */
@SpringBootApplication
public class OrchestratorApplication {
    public static final String SERVICE = "orchestrator";

    public static void main(String[] args) {
        ServiceLauncher.run(OrchestratorApplication.class, SERVICE, args);
    }
}
