package io.mli.common.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The real Bedrock Runtime SDK client against a WireMock stand-in for the Converse endpoint. */
class BedrockConverseClientTest {
    static final String SCHEMA = """
            {"type":"object","properties":{"brand":{"type":["string","null"]},"confidence":{"type":"number"},\
            "evidence":{"type":"string"}},"required":["brand","confidence","evidence"],"additionalProperties":false}""";
    static final LlmRequest REQUEST = new LlmRequest("RULES: find the brand.", "{\"title\":\"Nivea Soft 200ml\"}",
            SCHEMA, 0.0, 300);
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"));

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

    BedrockConverseClient client(String model, LlmSettings settings) {
        return BedrockConverseClient.create(model, "us-east-1", URI.create(wm.baseUrl()), settings, CREDENTIALS);
    }

    static String toolAnswer(String input, String stopReason) {
        return """
                {"output":{"message":{"role":"assistant","content":[{"toolUse":{"toolUseId":"t-1",\
                "name":"record_answer","input":%s}}]}},"stopReason":"%s",\
                "usage":{"inputTokens":412,"outputTokens":37,"totalTokens":449},"metrics":{"latencyMs":321}}"""
                .formatted(input, stopReason);
    }

    @Test
    void sendsModelSystemPromptToolSchemaAndInferenceParameters() {
        wm.stubFor(post(urlPathEqualTo("/model/amazon.nova-pro-v1%3A0/converse")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(toolAnswer("{\"brand\":\"Nivea\",\"confidence\":0.93,\"evidence\":\"Nivea\"}", "tool_use"))));

        LlmResponse r = client("amazon.nova-pro-v1:0", LlmSettings.defaults()).complete(REQUEST);

        assertThat(r.json()).isEqualTo("{\"brand\":\"Nivea\",\"confidence\":0.93,\"evidence\":\"Nivea\"}");
        assertThat(r.inputTokens()).isEqualTo(412);
        assertThat(r.outputTokens()).isEqualTo(37);
        assertThat(r.stopReason()).isEqualTo(LlmResponse.COMPLETE);
        assertThat(r.modelId()).isEqualTo("amazon.nova-pro-v1:0");
        wm.verify(postRequestedFor(urlPathEqualTo("/model/amazon.nova-pro-v1%3A0/converse"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing("AKIDTEST"))
                .withRequestBody(matchingJsonPath("$.system[0].text", equalTo("RULES: find the brand.")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("user")))
                .withRequestBody(matchingJsonPath("$.messages[0].content[0].text",
                        equalTo("{\"title\":\"Nivea Soft 200ml\"}")))
                .withRequestBody(matchingJsonPath("$.messages.length()", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.inferenceConfig.maxTokens", equalTo("300")))
                .withRequestBody(matchingJsonPath("$.inferenceConfig.temperature", equalTo("0.0")))
                .withRequestBody(matchingJsonPath("$.toolConfig.tools[0].toolSpec.name", equalTo("record_answer")))
                .withRequestBody(matchingJsonPath("$.toolConfig.tools[0].toolSpec.inputSchema.json",
                        equalToJson(SCHEMA)))
                .withRequestBody(matchingJsonPath("$.toolConfig.toolChoice.tool.name", equalTo("record_answer")))
                .withRequestBody(matchingJsonPath("$.additionalModelRequestFields.inferenceConfig.topK", equalTo("1"))));
    }

    @Test
    void otherModelFamiliesGetNoNovaSpecificFields() {
        wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse()
                .withBody(toolAnswer("{\"brand\":null,\"confidence\":0.1,\"evidence\":\"x\"}", "tool_use"))));
        client("anthropic.claude-3-haiku-20240307-v1:0", LlmSettings.defaults()).complete(REQUEST);
        wm.verify(postRequestedFor(urlPathMatching("/model/.+/converse"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("additionalModelRequestFields")));
    }

    @Test
    void acceptsInferenceProfilesAndCustomModelDeploymentArns() {
        wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse()
                .withBody(toolAnswer("{\"brand\":null,\"confidence\":0.2,\"evidence\":\"none\"}", "tool_use"))));
        String arn = "arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abc123xyz";

        client("us.amazon.nova-pro-v1:0", LlmSettings.defaults()).complete(REQUEST);
        LlmResponse r = client(arn, LlmSettings.defaults()).complete(REQUEST);

        assertThat(r.json()).contains("\"brand\":null");
        assertThat(wm.getAllServeEvents()).extracting(e -> e.getRequest().getUrl())
                .contains("/model/us.amazon.nova-pro-v1%3A0/converse")
                .anySatisfy(url -> assertThat(url)
                        .startsWith("/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Acustom-model-deployment%2F"));
    }

    @Test
    void customModelDeploymentsAreAskedForJsonTextAsTheyWereFineTuned() {
        wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse().withBody("""
                {"output":{"message":{"role":"assistant","content":[{"text":                "{\\"brand\\":\\"Nivea\\",\\"confidence\\":0.9,\\"evidence\\":\\"Nivea\\"}"}]}},                "stopReason":"end_turn","usage":{"inputTokens":10,"outputTokens":5,"totalTokens":15}}""")));
        String arn = "arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abc123xyz";
        BedrockConverseClient custom = client(arn, LlmSettings.defaults());
        assertThat(custom.usesTool()).isFalse();
        assertThat(custom.complete(REQUEST).json())
                .isEqualTo("{\"brand\":\"Nivea\",\"confidence\":0.9,\"evidence\":\"Nivea\"}");
        wm.verify(postRequestedFor(urlPathMatching("/model/.+/converse"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("toolConfig"))
                .withRequestBody(matchingJsonPath("$.system[0].text", equalTo("RULES: find the brand."))));
        assertThat(custom.withOutputMode(BedrockConverseClient.OutputMode.TOOL).usesTool()).isTrue();
        assertThat(client("amazon.nova-pro-v1:0", LlmSettings.defaults())
                .withOutputMode(BedrockConverseClient.OutputMode.TEXT).usesTool()).isFalse();
    }

    @Test
    void readsATextAnswerWhenTheModelDidNotCallTheTool() {
        wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse().withBody("""
                {"output":{"message":{"role":"assistant","content":[{"text":"{\\"brand\\":\\"Sony\\"}"}]}},\
                "stopReason":"end_turn","usage":{"inputTokens":10,"outputTokens":5,"totalTokens":15}}""")));
        LlmResponse r = client("amazon.nova-pro-v1:0", LlmSettings.defaults()).complete(REQUEST);
        assertThat(r.json()).isEqualTo("{\"brand\":\"Sony\"}");
    }

    @Test
    void reportsGuardrailAndContentFilterAsRefusals() {
        wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse().withBody("""
                {"output":{"message":{"role":"assistant","content":[{"text":"Sorry, I can't help with that."}]}},\
                "stopReason":"content_filtered","usage":{"inputTokens":10,"outputTokens":8,"totalTokens":18}}""")));
        LlmResponse r = client("amazon.nova-pro-v1:0", LlmSettings.defaults()).complete(REQUEST);
        assertThat(r.refused()).isTrue();
        assertThat(r.outputTokens()).isEqualTo(8);
    }

    @Test
    void mapsThrottlingServerClientAndAccessErrors() {
        var c = client("amazon.nova-pro-v1:0", LlmSettings.defaults());
        stubError(429, "ThrottlingException", "Too many requests");
        assertThatThrownBy(() -> c.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class, e -> {
            assertThat(e.kind()).isEqualTo(LlmException.Kind.THROTTLED);
            assertThat(e.retryable()).isTrue();
        });
        // The SDK's own retries are off: ResilientLlmClient retries, so a throttled call is one HTTP request here.
        assertThat(wm.getAllServeEvents()).hasSize(1);
        stubError(500, "InternalServerException", "boom");
        assertThatThrownBy(() -> c.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.SERVER_ERROR));
        stubError(400, "ValidationException", "bad input");
        assertThatThrownBy(() -> c.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class, e -> {
            assertThat(e.kind()).isEqualTo(LlmException.Kind.CLIENT_ERROR);
            assertThat(e.retryable()).isFalse();
        });
        stubError(403, "AccessDeniedException", "no model access");
        assertThatThrownBy(() -> c.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.CONFIGURATION));
    }

    @Test
    void aBodyThatIsNotConverseIsMalformedOrEmpty() {
        wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse().withBody("{}")));
        var c = client("amazon.nova-pro-v1:0", LlmSettings.defaults());
        assertThatThrownBy(() -> c.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.MALFORMED));
    }

    @Test
    void slowAnswersTimeOut() {
        wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse().withFixedDelay(3_000)
                .withBody(toolAnswer("{}", "tool_use"))));
        var c = client("amazon.nova-pro-v1:0",
                LlmSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
        assertThatThrownBy(() -> c.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT));
    }

    @Test
    void aProviderThatIsDownIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var c = BedrockConverseClient.create("amazon.nova-pro-v1:0", "us-east-1",
                URI.create("http://127.0.0.1:" + port), LlmSettings.defaults(), CREDENTIALS);
        assertThatThrownBy(() -> c.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREACHABLE));
    }

    @Test
    void missingCredentialsAreAConfigurationProblem() {
        var c = BedrockConverseClient.create("amazon.nova-pro-v1:0", "us-east-1", URI.create(wm.baseUrl()),
                LlmSettings.defaults(), () -> {
                    throw software.amazon.awssdk.core.exception.SdkClientException.create(
                            "Unable to load credentials from any of the providers in the chain");
                });
        assertThatThrownBy(() -> c.complete(REQUEST)).isInstanceOfSatisfying(LlmException.class,
                e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.CONFIGURATION));
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    private void stubError(int status, String type, String message) {
        wm.resetAll();
        wm.stubFor(post(urlPathMatching("/model/.+/converse")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type)
                .withBody("{\"message\":\"" + message + "\"}")));
    }
}
