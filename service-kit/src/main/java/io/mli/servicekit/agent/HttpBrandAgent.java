package io.mli.servicekit.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.mli.common.agent.BrandAgent;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.InferenceRequest;
import io.mli.servicekit.web.RequestIds;
import java.io.IOException;
import java.net.ConnectException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A remote agent as a {@link BrandAgent}: {@code POST {baseUrl}/infer} over the pooled {@link AgentHttp}, passing the
 * request id on, behind a Resilience4j circuit breaker. Every outcome is an answer: connection refused and an open
 * breaker are {@code unavailable}, 503 is {@code unavailable} with the agent's reason, a slow agent is
 * {@code timeout}, anything else {@code error}. Refused connections, errors and 5xx (but 503) count against the
 * breaker; time-outs and 503 do not. The caller (orchestrator engine) applies its own time-outs too.
 */
public final class HttpBrandAgent implements BrandAgent {
    private final String name;
    private final URI baseUrl;
    private final URI inferUri;
    private final Duration timeout;
    private final AgentHttp http;
    private final CircuitBreaker breaker;

    public HttpBrandAgent(String name, URI baseUrl, Duration timeout, AgentHttp http, CircuitBreaker breaker) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.inferUri = resolve(baseUrl, "infer");
        this.timeout = timeout;
        this.http = http;
        this.breaker = breaker;
    }

    @Override
    public String name() {
        return name;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public AgentAnswer infer(InferenceRequest request) {
        long t0 = System.nanoTime();
        if (!breaker.tryAcquirePermission()) {
            return AgentAnswer.failed(name, AgentStatus.UNAVAILABLE, "circuit breaker open after repeated failures "
                    + "of " + baseUrl).withLatency(elapsedMs(t0));
        }
        try {
            AgentHttp.Reply resp = http.postJson(inferUri, AgentWire.write(AgentWire.Call.of(request)),
                    RequestIds.HEADER, RequestIds.current(), timeout);
            int code = resp.status();
            if (code == 200) {
                AgentAnswer answer = AgentWire.readAnswer(resp.body());
                breaker.onSuccess(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                return answer.withLatency(elapsedMs(t0));
            }
            String detail = problemDetail(resp.body());
            if (code == 503) {
                // The agent is up and says it cannot answer (no LLM provider, still loading): not a failure of
                // the link, so it does not count against the breaker.
                breaker.onSuccess(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
                return AgentAnswer.failed(name, AgentStatus.UNAVAILABLE, detail).withLatency(elapsedMs(t0));
            }
            breaker.onError(System.nanoTime() - t0, TimeUnit.NANOSECONDS, new IOException("HTTP " + code));
            return AgentAnswer.failed(name, AgentStatus.ERROR, "HTTP " + code + ": " + detail)
                    .withLatency(elapsedMs(t0));
        } catch (InterruptedIOException e) {
            // A read or connect time-out, or no pooled connection free in time. Slowness is not counted against
            // the breaker: under a burst every agent is slow for a moment, and opening all breakers then would turn
            // a slow answer into no answer. Calls are bounded by the time-out anyway; the breaker is for agents that
            // are down or failing.
            breaker.releasePermission();
            return AgentAnswer.failed(name, AgentStatus.TIMEOUT, "no answer within " + timeout.toMillis() + " ms")
                    .withLatency(elapsedMs(t0));
        } catch (ConnectException e) {
            breaker.onError(System.nanoTime() - t0, TimeUnit.NANOSECONDS, e);
            return AgentAnswer.failed(name, AgentStatus.UNAVAILABLE, "cannot connect to " + baseUrl)
                    .withLatency(elapsedMs(t0));
        } catch (IOException | RuntimeException e) {
            breaker.onError(System.nanoTime() - t0, TimeUnit.NANOSECONDS, e);
            return AgentAnswer.failed(name, AgentStatus.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage())
                    .withLatency(elapsedMs(t0));
        }
    }

    /** The agent's own health: {@code GET {baseUrl}/health}, within a short time-out. */
    public RemoteHealth health(Duration within) {
        try {
            AgentHttp.Reply resp = http.get(resolve(baseUrl, "health"), within);
            JsonNode body = parse(resp.body());
            String reason = body == null || body.get("reason") == null ? null : body.get("reason").asString();
            return new RemoteHealth(name, baseUrl.toString(), resp.status() == 200 ? "up" : "down",
                    resp.status() == 200 ? null : reason != null ? reason : "HTTP " + resp.status(),
                    body == null || body.get("knowledge_base") == null ? null
                            : body.get("knowledge_base").asString(null),
                    breaker.getState().name().toLowerCase(Locale.ROOT));
        } catch (IOException | RuntimeException e) {
            return new RemoteHealth(name, baseUrl.toString(), "down", e instanceof ConnectException
                    ? "cannot connect" : e.getClass().getSimpleName() + ": " + e.getMessage(), null,
                    breaker.getState().name().toLowerCase(Locale.ROOT));
        }
    }

    /** A remote agent's health as the orchestrator's {@code GET /} shows it. */
    public record RemoteHealth(
            @JsonProperty("name") String name,
            @JsonProperty("url") String url,
            @JsonProperty("status") String status,
            @JsonProperty("reason") String reason,
            @JsonProperty("knowledge_base") String knowledgeBase,
            @JsonProperty("circuit_breaker") String circuitBreaker) {
    }

    private static String problemDetail(byte[] body) {
        JsonNode node = parse(body);
        if (node != null && node.get("detail") != null) {
            return node.get("detail").asString();
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "no detail" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : AgentWire.MAPPER.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static URI resolve(URI base, String path) {
        String s = base.toString();
        return URI.create(s.endsWith("/") ? s + path : s + "/" + path);
    }

    private static double elapsedMs(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    @Override
    public String toString() {
        return "HttpBrandAgent[" + name + " at " + baseUrl + "]";
    }
}
