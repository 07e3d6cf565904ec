package io.mli.servicekit.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import java.util.concurrent.TimeUnit;

/**
 * The fleet's metrics, named as in docs/architecture.md: {@code mli.inference} (method, mode, outcome),
 * {@code mli.agent.calls} (agent, status), {@code mli.inference.confidence}, {@code mli.inference.abstentions} and
 * {@code mli.cascade.escalations}. ({@code mli.llm.tokens} and {@code mli.llm.cost} are counted by the LLM engine's
 * usage listener, which sees every provider call.)
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

    /** A finished inference: its timer, its confidence or abstention, and each agent's part. */
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
        r.agentResults().forEach(this::agentCall);
    }

    /** The cascade asked the hybrid agent because NER and RAG were not sure enough. */
    public void escalated() {
        escalations.increment();
    }

    /** An inference that ended in an error (no agent could answer). */
    public void inferenceError(Method method, Mode mode, long nanos) {
        timer(method.wire(), mode.wire(), "error").record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String method, String mode, String outcome) {
        return Timer.builder("mli.inference").description("inference requests")
                .tag("method", method).tag("mode", mode).tag("outcome", outcome)
                .register(registry);
    }
}
