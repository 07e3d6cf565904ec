package io.mli.servicekit.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.InferenceRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpBrandAgentTest {
    static WireMockServer wm;
    static final AgentHttp HTTP = AgentHttp.create();

    @BeforeAll
    static void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    private static HttpBrandAgent agent(URI base, Duration timeout, CircuitBreaker cb) {
        return new HttpBrandAgent("ner", base, timeout, HTTP, cb);
    }

    private static HttpBrandAgent agent() {
        return agent(URI.create(wm.baseUrl()), Duration.ofSeconds(10), CircuitBreaker.ofDefaults("t"));
    }

    @Test
    void okAnswerRoundTripsAndRequestIdAndCandidatesTravel() throws Exception {
        BrandGuess eucerin = new BrandGuess("eucerin", "Eucerin", List.of("ยูเซอริน"), 0.93, List.of());
        wm.stubFor(post(urlEqualTo("/infer")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(AgentWire.write(AgentAnswer.ok("ner", eucerin, List.of(), null, "gazetteer")))));
        InferenceRequest req = InferenceRequest.of("Eucerin lotion").withCandidates(List.of(eucerin));

        AgentAnswer a = RequestIdsTestAccess.withRequestId("rid-42", () -> agent().infer(req));

        assertThat(a.status()).isEqualTo(AgentStatus.OK);
        assertThat(a.brand().id()).isEqualTo("eucerin");
        assertThat(a.brand().aliases()).containsExactly("ยูเซอริน");
        assertThat(a.latencyMs()).isPositive();
        wm.verify(postRequestedFor(urlEqualTo("/infer"))
                .withHeader("X-Request-Id", equalTo("rid-42"))
                .withRequestBody(matchingJsonPath("$.product_name", equalTo("Eucerin lotion")))
                .withRequestBody(matchingJsonPath("$.language_hint", equalTo("auto")))
                .withRequestBody(matchingJsonPath("$.candidates[0].id", equalTo("eucerin"))));
    }

    @Test
    void unavailableTimeoutErrorAndRefused() throws Exception {
        wm.stubFor(post(urlEqualTo("/infer")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":503,\"detail\":\"no LLM provider configured\"}")));
        AgentAnswer a = agent().infer(InferenceRequest.of("x"));
        assertThat(a.status()).isEqualTo(AgentStatus.UNAVAILABLE);
        assertThat(a.detail()).isEqualTo("no LLM provider configured");

        wm.stubFor(post(urlEqualTo("/infer")).willReturn(aResponse().withStatus(500).withBody("boom")));
        a = agent().infer(InferenceRequest.of("x"));
        assertThat(a.status()).isEqualTo(AgentStatus.ERROR);
        assertThat(a.detail()).startsWith("HTTP 500").contains("boom");

        wm.stubFor(post(urlEqualTo("/infer")).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)));
        a = agent(URI.create(wm.baseUrl()), Duration.ofMillis(200), CircuitBreaker.ofDefaults("t")).infer(
                InferenceRequest.of("x"));
        assertThat(a.status()).isEqualTo(AgentStatus.TIMEOUT);

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        a = agent(URI.create("http://127.0.0.1:" + closed), Duration.ofSeconds(10), CircuitBreaker.ofDefaults("t"))
                .infer(InferenceRequest.of("x"));
        assertThat(a.status()).isEqualTo(AgentStatus.UNAVAILABLE);
        assertThat(a.detail()).contains("cannot connect");
    }

    @Test
    void breakerOpensAfterRepeatedFailuresAndStopsCalling() {
        wm.stubFor(post(urlEqualTo("/infer")).willReturn(aResponse().withStatus(500)));
        CircuitBreaker cb = CircuitBreaker.of("t", CircuitBreakerConfig.custom().slidingWindowSize(4)
                .minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(Duration.ofMinutes(1))
                .build());
        HttpBrandAgent agent = agent(URI.create(wm.baseUrl()), Duration.ofSeconds(10), cb);
        for (int i = 0; i < 4; i++) {
            assertThat(agent.infer(InferenceRequest.of("x")).status()).isEqualTo(AgentStatus.ERROR);
        }
        AgentAnswer a = agent.infer(InferenceRequest.of("x"));
        assertThat(a.status()).isEqualTo(AgentStatus.UNAVAILABLE);
        assertThat(a.detail()).contains("circuit breaker open");
        wm.verify(4, postRequestedFor(urlEqualTo("/infer")));
    }
}
