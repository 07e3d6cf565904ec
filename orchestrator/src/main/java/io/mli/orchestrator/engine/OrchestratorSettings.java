package io.mli.orchestrator.engine;

import java.time.Duration;
import java.util.Map;

/**
 * How the orchestrator engine behaves: per-agent time-outs (the default applies to agents not named), the
 * confidence at or above which the cascade stops early, and the calibrated confidence below which it abstains.
 */
public record OrchestratorSettings(Map<String, Duration> timeouts, Duration defaultTimeout, double acceptAt,
                                   double abstainBelow) {
    public OrchestratorSettings {
        timeouts = timeouts == null ? Map.of() : Map.copyOf(timeouts);
        defaultTimeout = defaultTimeout == null ? Duration.ofMillis(250) : defaultTimeout;
        if (acceptAt <= 0 || acceptAt > 1 || abstainBelow < 0 || abstainBelow > 1) {
            throw new IllegalArgumentException("acceptAt and abstainBelow must be in (0, 1]");
        }
    }

    public static OrchestratorSettings defaults() {
        return new OrchestratorSettings(Map.of("ner", Duration.ofMillis(250), "rag", Duration.ofMillis(250),
                "hybrid", Duration.ofMillis(250), "llm", Duration.ofSeconds(5)), Duration.ofMillis(250), 0.9, 0.5);
    }

    public Duration timeout(String agent) {
        return timeouts.getOrDefault(agent, defaultTimeout);
    }
}
