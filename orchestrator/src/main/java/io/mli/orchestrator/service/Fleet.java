package io.mli.orchestrator.service;

import io.mli.orchestrator.engine.OrchestratorEngine;
import io.mli.servicekit.agent.HttpBrandAgent;
import java.util.Map;

/** What the orchestrator service runs on: the engine, the agents' clients it was built with, and the KB version. */
record Fleet(OrchestratorEngine engine, Map<String, HttpBrandAgent> agents, String kbVersion, int kbBrands)
        implements AutoCloseable {
    @Override
    public void close() {
        engine.close();
    }
}
