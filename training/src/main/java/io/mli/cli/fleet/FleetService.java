package io.mli.cli.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The five services as the local fleet runs them: module (and jar) name, embedded default port, and heap. Heaps keep
 * five JVMs comfortable on a laptop and well inside their ECS task sizes (agents 1 GB, orchestrator and hybrid 2 GB).
 * Agents start before the services that call them.
 */
public enum FleetService {
    NER("ner-agent", 8081, "512m"),
    RAG("rag-agent", 8082, "512m"),
    LLM("llm-agent", 8083, "256m"),
    HYBRID("hybrid-agent", 8084, "256m"),
    ORCHESTRATOR("orchestrator", 8080, "384m");

    private final String module;
    private final int port;
    private final String heap;

    FleetService(String module, int port, String heap) {
        this.module = module;
        this.port = port;
        this.heap = heap;
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public String heap() {
        return heap;
    }

    public String shortName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Parses {@code ner,rag} or {@code ner-agent,orchestrator}; null or blank means all, in start order. */
    public static List<FleetService> parse(String list) {
        if (list == null || list.isBlank()) {
            return List.of(values());
        }
        Set<FleetService> chosen = new LinkedHashSet<>();
        for (String part : list.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            chosen.add(Arrays.stream(values()).filter(s -> s.shortName().equals(p) || s.module().equals(p))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown service '" + part.trim()
                            + "'; expected some of orchestrator, ner, rag, llm, hybrid")));
        }
        List<FleetService> ordered = new ArrayList<>();
        for (FleetService s : values()) {
            if (chosen.contains(s)) {
                ordered.add(s);
            }
        }
        return ordered;
    }
}
