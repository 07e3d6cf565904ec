package io.mli.common.domain;

import java.util.List;
import java.util.Map;

/**
 * One agent's answer. {@code brand} is null unless {@code status} is {@link AgentStatus#OK}; {@code alternatives}
 * are the runners-up (best first); {@code usage} carries extras such as LLM token counts and cost. {@code checked}
 * is retrieval's second answer, when the request asked it to {@linkplain InferenceRequest#check() check} brands: its
 * vote restricted to them, made from the same search; null otherwise.
 */
public record AgentAnswer(
        String agent,
        AgentStatus status,
        BrandGuess brand,
        List<BrandGuess> alternatives,
        CategoryGuess category,
        String detail,
        double latencyMs,
        Map<String, Object> usage,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        AgentAnswer checked) {

    /**
     * A {@code usage} entry (true) by which NER says its brand has no catalog products, so no category of its own (a
     * brand known only from the starter): the orchestrator then asks retrieval for the neighbours' category even where
     * NER alone is sure of the brand. A brand whose catalog rows have no category (the catalog's Lazada rows) does
     * not carry it: its neighbours, mostly its own products, have none either.
     */
    public static final String NO_CATALOG_PRODUCTS = "no_catalog_products";

    public AgentAnswer {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        usage = usage == null ? Map.of() : Map.copyOf(usage);
        if (status == AgentStatus.OK && brand == null) {
            throw new IllegalArgumentException("an OK answer needs a brand");
        }
    }

    public AgentAnswer(String agent, AgentStatus status, BrandGuess brand, List<BrandGuess> alternatives,
                       CategoryGuess category, String detail, double latencyMs, Map<String, Object> usage) {
        this(agent, status, brand, alternatives, category, detail, latencyMs, usage, null);
    }

    public static AgentAnswer ok(String agent, BrandGuess brand, List<BrandGuess> alternatives,
                                 CategoryGuess category, String detail) {
        return new AgentAnswer(agent, AgentStatus.OK, brand, alternatives, category, detail, 0, Map.of());
    }

    public static AgentAnswer abstained(String agent, List<BrandGuess> alternatives, CategoryGuess category,
                                        String reason) {
        return new AgentAnswer(agent, AgentStatus.ABSTAINED, null, alternatives, category, reason, 0, Map.of());
    }

    public static AgentAnswer failed(String agent, AgentStatus status, String detail) {
        return new AgentAnswer(agent, status, null, List.of(), null, detail, 0, Map.of());
    }

    public AgentAnswer withLatency(double ms) {
        return new AgentAnswer(agent, status, brand, alternatives, category, detail, ms, usage, checked);
    }

    public AgentAnswer withUsage(Map<String, Object> newUsage) {
        return new AgentAnswer(agent, status, brand, alternatives, category, detail, latencyMs, newUsage, checked);
    }

    public AgentAnswer withChecked(AgentAnswer newChecked) {
        return new AgentAnswer(agent, status, brand, alternatives, category, detail, latencyMs, usage, newChecked);
    }

    /** The best guess whatever the status: the brand when OK, else the first alternative, else null. */
    public BrandGuess bestGuess() {
        return brand != null ? brand : alternatives.isEmpty() ? null : alternatives.getFirst();
    }
}
