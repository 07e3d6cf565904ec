package io.mli.orchestrator.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.Span;
import io.mli.servicekit.agent.AgentWire;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Four WireMock servers standing in for the agents, with canned answers in the agent protocol. */
final class AgentStubs implements AutoCloseable {
    /** Under the cascade's ner-sure-at (0.85): NER alone is not sure of it, so the cascade asks retrieval too. */
    static final BrandGuess EUCERIN = new BrandGuess("eucerin", "Eucerin", List.of("Eucerin", "ยูเซอริน"), 0.8,
            List.of(new Evidence("gazetteer", new Span(0, 7, "Eucerin"), "Eucerin", 0.8)));
    static final BrandGuess NIVEA = new BrandGuess("nivea", "Nivea", List.of("Nivea"), 0.7, List.of());

    final Map<String, WireMockServer> servers = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    AgentStubs() {
        for (String name : List.of("ner", "rag", "llm", "hybrid")) {
            WireMockServer s = new WireMockServer(options().dynamicPort());
            s.start();
            servers.put(name, s);
            ports.put(name, s.port());
        }
        healthy();
    }

    /** Stops an agent's server: calls to it are then refused, like a stopped service. */
    void stop(String name) {
        servers.get(name).stop();
    }

    /** Starts a stopped agent's server again on the same port, healthy. */
    void restart(String name) {
        WireMockServer old = servers.get(name);
        if (old.isRunning()) {
            return;
        }
        WireMockServer s = new WireMockServer(options().port(ports.get(name)));
        s.start();
        servers.put(name, s);
    }

    WireMockServer server(String name) {
        return servers.get(name);
    }

    /** Properties pointing an orchestrator at the stubs. */
    String[] urls() {
        return servers.entrySet().stream()
                .map(e -> "mli.agents." + e.getKey() + ".url=http://localhost:" + ports.get(e.getKey()))
                .toArray(String[]::new);
    }

    /** NER and RAG agree on Eucerin, hybrid too; the LLM has no provider (503). */
    void healthy() {
        servers.keySet().forEach(this::restart);
        servers.forEach((name, s) -> {
            s.resetAll();
            s.stubFor(get(urlEqualTo("/health")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody("{\"status\":\"UP\"}")));
        });
        answer("ner", AgentAnswer.ok("ner", EUCERIN, List.of(), null, "gazetteer"));
        answer("rag", AgentAnswer.ok("rag", EUCERIN, List.of(), null, "neighbours"));
        answer("hybrid", AgentAnswer.ok("hybrid", EUCERIN, List.of(), null, "ner"));
        stub("llm", aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                .withHeader("Retry-After", "5")
                .withBody("{\"status\":503,\"detail\":\"no LLM provider configured (LLM_PROVIDER=none)\"}"));
    }

    void answer(String agent, AgentAnswer answer) {
        stub(agent, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(AgentWire.write(answer)));
    }

    void stub(String agent, ResponseDefinitionBuilder response) {
        servers.get(agent).stubFor(post(urlEqualTo("/infer")).willReturn(response));
    }

    @Override
    public void close() {
        servers.values().forEach(WireMockServer::stop);
    }
}
