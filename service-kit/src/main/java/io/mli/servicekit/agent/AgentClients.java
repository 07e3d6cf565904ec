package io.mli.servicekit.agent;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.mli.servicekit.config.MliProperties;
import java.net.URI;
import java.time.Duration;

/**
 * Makes {@link HttpBrandAgent}s for the agents named under {@code mli.agents}: base URL, time-out (the LLM time-out
 * for agents that may call the LLM when one is configured) and a circuit breaker {@code agent-<name>} from the
 * Resilience4j registry (configured under {@code resilience4j.circuitbreaker}).
 */
public final class AgentClients {
    private final MliProperties props;
    private final AgentHttp http;
    private final CircuitBreakerRegistry breakers;

    public AgentClients(MliProperties props, AgentHttp http, CircuitBreakerRegistry breakers) {
        this.props = props;
        this.http = http;
        this.breakers = breakers;
    }

    public HttpBrandAgent client(String name) {
        MliProperties.Remote remote = props.agents().get(name);
        if (remote == null || remote.url() == null || remote.url().isBlank()) {
            throw new IllegalStateException("no base URL for agent '" + name + "' (set mli.agents." + name
                    + ".url or MLI_" + name.toUpperCase(java.util.Locale.ROOT) + "_URL)");
        }
        return new HttpBrandAgent(name, URI.create(remote.url().trim()), timeout(name), http,
                breakers.circuitBreaker("agent-" + name));
    }

    /** The time-out for calls to this agent. */
    public Duration timeout(String name) {
        MliProperties.Remote remote = props.agents().get(name);
        if (remote == null) {
            return Duration.ofMillis(250);
        }
        return props.llmEnabled() && remote.timeoutWithLlm() != null ? remote.timeoutWithLlm() : remote.timeout();
    }
}
