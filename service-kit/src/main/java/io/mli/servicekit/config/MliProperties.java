package io.mli.servicekit.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The services' own settings ({@code mli.*}); defaults and their environment variables are in
 * {@code mli-service.yml}. {@code agents} names the other agents' base URLs and time-outs, {@code agent} this
 * service's own agent name (its path prefix).
 *
 * @param kbUri       the knowledge base: a directory, {@code file:} URI, or empty for the built-in starter
 * @param apiKeys     accepted {@code X-Api-Key} values; empty means open
 * @param apiKeyPaths path prefixes the keys protect
 * @param maxBodySize the largest request body accepted (413 above)
 * @param cpu         the CPU-bound work limit
 * @param agent       this agent service's name ({@code ner}, {@code rag}, ...); null for the orchestrator
 * @param agents      the remote agents this service calls, by name
 * @param llmProvider {@code LLM_PROVIDER}; anything but {@code none} gives the hybrid agent the LLM time-out
 */
@ConfigurationProperties("mli")
public record MliProperties(String kbUri, List<String> apiKeys, List<String> apiKeyPaths, DataSize maxBodySize,
                            Cpu cpu, Agent agent, Map<String, Remote> agents, String llmProvider) {

    public MliProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        apiKeyPaths = apiKeyPaths == null ? List.of("/inference", "/infer") : List.copyOf(apiKeyPaths);
        maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(256) : maxBodySize;
        cpu = cpu == null ? new Cpu(0, Duration.ofMillis(300)) : cpu;
        agents = agents == null ? Map.of() : Map.copyOf(agents);
        llmProvider = llmProvider == null || llmProvider.isBlank() ? "none" : llmProvider.trim();
    }

    public boolean llmEnabled() {
        return !"none".equalsIgnoreCase(llmProvider);
    }

    /** @param permits concurrent CPU-bound engine calls (0 = the number of CPUs); @param maxWait queueing limit */
    public record Cpu(int permits, Duration maxWait) {
        public Cpu {
            maxWait = maxWait == null ? Duration.ofMillis(300) : maxWait;
        }
    }

    /** @param name this agent's name, which is also its path prefix */
    public record Agent(String name) {
    }

    /**
     * @param url            base URL, e.g. {@code http://localhost:8081}
     * @param timeout        per-call time-out
     * @param timeoutWithLlm the time-out when an LLM is configured (the hybrid agent may then call it)
     */
    public record Remote(String url, Duration timeout, Duration timeoutWithLlm) {
        public Remote {
            timeout = timeout == null ? Duration.ofMillis(250) : timeout;
        }
    }
}
