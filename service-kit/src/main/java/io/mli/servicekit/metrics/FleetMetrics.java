package io.mli.servicekit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The fleet's metrics, named as in docs/architecture.md: {@code mli.inference} (method, mode, outcome),
 * {@code mli.agent.calls} (agent, status), {@code mli.inference.confidence}, {@code mli.inference.abstentions},
 * {@code mli.cascade.escalations}, {@code mli.llm.tokens} (direction) and {@code mli.llm.cost}.
 */
public final class FleetMetrics {
    private final MeterRegistry registry;
    private final Counter escalations;

    public FleetMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.escalations = Counter.builder("mli.cascade.escalations")
                .description("cascade inferences that had to ask the hybrid agent").register(registry);
    }

    /** One agent's part, as seen by whoever called it. */
    public void agentCall(AgentAnswer a) {
        Timer.builder("mli.agent.calls").description("agent calls by outcome")
                .tag("agent", a.agent()).tag("status", a.status().wire())
                .publishPercentileHistogram(false)
                .register(registry)
                .record((long) (a.latencyMs() * 1_000_000), TimeUnit.NANOSECONDS);
    }

    /** A finished inference: its timer, confidence or abstention, and whether the cascade escalated. */
    public void inference(InferenceResult r, long nanos) {
        String method = r.method().wire();
        String outcome = r.brand() != null ? "answered" : "abstained";
        timer(method, r.mode().wire(), outcome).record(nanos, TimeUnit.NANOSECONDS);
        if (r.brand() != null) {
            DistributionSummary.builder("mli.inference.confidence").description("calibrated confidence of answers")
                    .tag("method", method).register(registry).record(r.brand().score());
        } else {
            Counter.builder("mli.inference.abstentions").description("inferences that named no brand")
                    .tag("method", method).register(registry).increment();
        }
        if (r.method() == Method.ORCHESTRATOR && r.mode() == Mode.CASCADE && r.agentResults().stream()
                .anyMatch(a -> "hybrid".equals(a.agent()) && a.status() != AgentStatus.SKIPPED)) {
            escalations.increment();
        }
        r.agentResults().forEach(this::agentCall);
    }

    /** An inference that ended in an error (no agent could answer). */
    public void inferenceError(Method method, Mode mode, long nanos) {
        timer(method.wire(), mode.wire(), "error").record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * LLM token counts and cost from an answer's usage, when the LLM agent reports them ({@code input_tokens},
     * {@code output_tokens}, {@code cost_usd}; camelCase accepted too).
     */
    public void llmUsage(Map<String, Object> usage) {
        if (usage == null || usage.isEmpty()) {
            return;
        }
        count("mli.llm.tokens", "direction", "input", number(usage, "input_tokens", "inputTokens"));
        count("mli.llm.tokens", "direction", "output", number(usage, "output_tokens", "outputTokens"));
        double cost = number(usage, "cost_usd", "costUsd");
        if (cost > 0) {
            Counter.builder("mli.llm.cost").baseUnit("usd").description("estimated LLM cost")
                    .register(registry).increment(cost);
        }
    }

    private void count(String name, String tag, String value, double amount) {
        if (amount > 0) {
            Counter.builder(name).tag(tag, value).register(registry).increment(amount);
        }
    }

    private static double number(Map<String, Object> usage, String... keys) {
        for (String k : keys) {
            if (usage.get(k) instanceof Number n) {
                return n.doubleValue();
            }
        }
        return 0;
    }

    private Timer timer(String method, String mode, String outcome) {
        return Timer.builder("mli.inference").description("inference requests")
                .tag("method", method).tag("mode", mode).tag("outcome", outcome)
                .register(registry);
    }
}
