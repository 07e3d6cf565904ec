package io.mli.common.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResilientLlmClientTest {
    static final LlmSettings FAST = LlmSettings.defaults()
            .withRetries(3, Duration.ofMillis(5), Duration.ofMillis(20));
    static final LlmRequest REQUEST = BedrockConverseClientTest.REQUEST;
    static final LlmResponse OK = new LlmResponse("{}", 1, 1, LlmResponse.COMPLETE, "m");

    @Test
    void retriesThrottlingWithBackOffUntilItSucceeds() {
        WireMockServer wm = new WireMockServer(options().dynamicPort());
        wm.start();
        try {
            String url = "/v1/chat/completions";
            wm.stubFor(post(urlEqualTo(url)).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(429)).willSetStateTo("second"));
            wm.stubFor(post(urlEqualTo(url)).inScenario("t").whenScenarioStateIs("second")
                    .willReturn(aResponse().withStatus(502)).willSetStateTo("third"));
            wm.stubFor(post(urlEqualTo(url)).inScenario("t").whenScenarioStateIs("third")
                    .willReturn(aResponse().withBody(OpenAiCompatibleClientTest.completion("\"{}\"", "stop"))));
            var client = new ResilientLlmClient(
                    new OpenAiCompatibleClient(URI.create(wm.baseUrl() + "/v1"), "m", null, FAST), FAST);

            assertThat(client.complete(REQUEST).json()).isEqualTo("{}");
            assertThat(client.lastAttempts()).isEqualTo(3);
            assertThat(wm.getAllServeEvents()).hasSize(3);
        } finally {
            wm.stop();
        }
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastError() {
        AtomicInteger calls = new AtomicInteger();
        var client = new ResilientLlmClient(fake(calls, LlmException.Kind.THROTTLED), FAST);
        assertThatThrownBy(() -> client.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.THROTTLED));
        assertThat(calls).hasValue(3);
    }

    @Test
    void doesNotRetryWhatARetryCannotFix() {
        AtomicInteger calls = new AtomicInteger();
        var client = new ResilientLlmClient(fake(calls, LlmException.Kind.CLIENT_ERROR), FAST);
        assertThatThrownBy(() -> client.complete(REQUEST)).isInstanceOf(LlmException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void opensTheBreakerWhenTheProviderKeepsFailing() {
        AtomicInteger calls = new AtomicInteger();
        var client = new ResilientLlmClient(fake(calls, LlmException.Kind.UNREACHABLE),
                FAST.withBreaker(4, 50f, Duration.ofMinutes(5)));
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> client.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                    e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREACHABLE));
        }
        assertThat(client.breakerState()).isEqualTo("OPEN");
        assertThatThrownBy(() -> client.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.CIRCUIT_OPEN));
        assertThat(calls).as("an open breaker does not call the provider").hasValue(4);
    }

    @Test
    void refusedRequestsDoNotOpenTheBreaker() {
        AtomicInteger calls = new AtomicInteger();
        var client = new ResilientLlmClient(fake(calls, LlmException.Kind.CLIENT_ERROR),
                FAST.withBreaker(4, 50f, Duration.ofMinutes(5)));
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> client.complete(REQUEST)).isInstanceOf(LlmException.class);
        }
        assertThat(client.breakerState()).isEqualTo("CLOSED");
    }

    private static LlmClient fake(AtomicInteger calls, LlmException.Kind kind) {
        return new LlmClient() {
            @Override
            public String id() {
                return "fake";
            }

            @Override
            public LlmResponse complete(LlmRequest request) {
                calls.incrementAndGet();
                throw new LlmException(kind, "fake " + kind);
            }
        };
    }
}
