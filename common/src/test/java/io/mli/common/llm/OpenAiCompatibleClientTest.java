package io.mli.common.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDK-HTTP OpenAI-compatible adapter against a WireMock stand-in for {@code /v1/chat/completions}. */
class OpenAiCompatibleClientTest {
    static final LlmRequest REQUEST = BedrockConverseClientTest.REQUEST;

    WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    OpenAiCompatibleClient client(String key, LlmSettings settings) {
        return new OpenAiCompatibleClient(URI.create(wm.baseUrl() + "/v1/"), "qwen2.5:7b", key, settings);
    }

    static String completion(String contentJsonString, String finish) {
        return """
                {"id":"c1","object":"chat.completion","model":"qwen2.5:7b","choices":[{"index":0,\
                "message":{"role":"assistant","content":%s},"finish_reason":"%s"}],\
                "usage":{"prompt_tokens":220,"completion_tokens":19,"total_tokens":239}}"""
                .formatted(contentJsonString, finish);
    }

    @Test
    void sendsMessagesParametersAndAStrictJsonSchema() {
        wm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(completion("\"{\\\"brand\\\":\\\"Nivea\\\",\\\"confidence\\\":0.9,\\\"evidence\\\":\\\"Nivea\\\"}\"",
                        "stop"))));

        LlmResponse r = client("sk-test", LlmSettings.defaults()).complete(REQUEST);

        assertThat(r.json()).isEqualTo("{\"brand\":\"Nivea\",\"confidence\":0.9,\"evidence\":\"Nivea\"}");
        assertThat(r.inputTokens()).isEqualTo(220);
        assertThat(r.outputTokens()).isEqualTo(19);
        assertThat(r.stopReason()).isEqualTo(LlmResponse.COMPLETE);
        wm.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-test"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("qwen2.5:7b")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[0].content", equalTo("RULES: find the brand.")))
                .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[1].content", equalTo("{\"title\":\"Nivea Soft 200ml\"}")))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("2")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.0")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("300")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("record_answer")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema",
                        equalToJson(BedrockConverseClientTest.SCHEMA))));
    }

    @Test
    void sendsNoAuthorizationWithoutAKey() {
        wm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withBody(completion("\"{}\"", "stop"))));
        client(null, LlmSettings.defaults()).complete(REQUEST);
        wm.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("Authorization", absent()));
    }

    @Test
    void refusalsAndContentFiltersAreReported() {
        wm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withBody("""
                {"choices":[{"index":0,"message":{"role":"assistant","content":null,\
                "refusal":"I can't assist with that."},"finish_reason":"stop"}],\
                "usage":{"prompt_tokens":5,"completion_tokens":7}}""")));
        assertThat(client(null, LlmSettings.defaults()).complete(REQUEST).refused()).isTrue();

        wm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withBody(completion("null", "content_filter"))));
        assertThat(client(null, LlmSettings.defaults()).complete(REQUEST).refused()).isTrue();
    }

    @Test
    void truncatedAndEmptyAnswersComeBackAsTheyAre() {
        wm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withBody(completion("\"{\\\"brand\\\": \\\"Niv\"", "length"))));
        LlmResponse r = client(null, LlmSettings.defaults()).complete(REQUEST);
        assertThat(r.stopReason()).isEqualTo(LlmResponse.MAX_TOKENS);
        assertThat(r.json()).isEqualTo("{\"brand\": \"Niv");

        wm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse()
                .withBody(completion("\"\"", "stop"))));
        assertThat(client(null, LlmSettings.defaults()).complete(REQUEST).json()).isEmpty();
    }

    @Test
    void mapsHttpErrorsAndBrokenBodies() {
        var c = client(null, LlmSettings.defaults());
        expect(c, 429, "{\"error\":\"rate limited\"}", LlmException.Kind.THROTTLED);
        expect(c, 503, "overloaded", LlmException.Kind.SERVER_ERROR);
        expect(c, 401, "{\"error\":\"bad key\"}", LlmException.Kind.CONFIGURATION);
        expect(c, 400, "{\"error\":\"bad request\"}", LlmException.Kind.CLIENT_ERROR);
        expect(c, 200, "<html>proxy error</html>", LlmException.Kind.MALFORMED);
        expect(c, 200, "{\"choices\":[]}", LlmException.Kind.MALFORMED);
    }

    @Test
    void timeoutsAndDeadServers() throws Exception {
        wm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withFixedDelay(3_000)
                .withBody(completion("\"{}\"", "stop"))));
        var slow = client(null, LlmSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
        assertThatThrownBy(() -> slow.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT));

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var dead = new OpenAiCompatibleClient(URI.create("http://127.0.0.1:" + port + "/v1"), "m", null,
                LlmSettings.defaults());
        assertThatThrownBy(() -> dead.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREACHABLE));
    }

    private void expect(OpenAiCompatibleClient c, int status, String body, LlmException.Kind kind) {
        wm.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status).withBody(body)));
        assertThatThrownBy(() -> c.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).as("HTTP %d %s", status, body).isEqualTo(kind));
    }
}
