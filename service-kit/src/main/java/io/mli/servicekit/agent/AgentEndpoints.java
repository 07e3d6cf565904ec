package io.mli.servicekit.agent;

import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.servicekit.metrics.FleetMetrics;
import io.mli.servicekit.web.ApiException;
import io.mli.servicekit.web.ParsedInference;
import io.mli.servicekit.web.RequestParser;
import io.mli.servicekit.web.ServiceHealth;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * An agent service's HTTP face: {@code POST /infer} and {@code GET /health}, each also under the agent's path prefix
 * ({@code /ner/infer}, ...) because ALB path routing does not strip it. The body is the public request body plus
 * optional upstream {@code candidates}; the answer is the agent's {@link AgentAnswer} in snake_case
 * ({@link AgentWire}), or 503 problem+json with {@code Retry-After} when the agent cannot answer. Agent services
 * import this class; the orchestrator does not.
 */
@RestController
public class AgentEndpoints {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private final AgentRuntime runtime;
    private final FleetMetrics metrics;

    public AgentEndpoints(AgentRuntime runtime, FleetMetrics metrics) {
        this.runtime = runtime;
        this.metrics = metrics;
    }

    @PostMapping(path = {"/infer", "/${mli.agent.name}/infer"}, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> infer(@RequestBody JsonNode body) {
        ParsedInference parsed = RequestParser.parse(body);
        AgentAnswer answer = runtime.infer(parsed.request().withCandidates(brands(body.get("candidates"), "candidates"))
                .withCheck(brands(body.get("check"), "check")).withChecked(checked(body.get("checked"))));
        metrics.agentCall(answer);
        if (answer.status() == AgentStatus.UNAVAILABLE) {
            throw ApiException.unavailable(runtime.name() + " agent unavailable: " + answer.detail(), RETRY_AFTER);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(AgentWire.write(answer));
    }

    @GetMapping(path = {"/health", "/${mli.agent.name}/health"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ServiceHealth> health() {
        return ServiceHealth.of(runtime.name() + "-agent", runtime.unavailableReason(), runtime.kbVersion(),
                runtime.backend());
    }

    private static List<BrandGuess> brands(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ApiException.badRequest(field + " must be an array of brand guesses");
        }
        try {
            return Arrays.asList(AgentWire.MAPPER.treeToValue(node, BrandGuess[].class));
        } catch (RuntimeException e) {
            throw ApiException.badRequest(field + " are not valid brand guesses: " + e.getMessage());
        }
    }

    /** An upstream retrieval check's answer ({@link io.mli.common.domain.InferenceRequest#checked()}), or null. */
    private static AgentAnswer checked(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return AgentWire.MAPPER.treeToValue(node, AgentAnswer.class);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("checked is not a valid agent answer: " + e.getMessage());
        }
    }
}
