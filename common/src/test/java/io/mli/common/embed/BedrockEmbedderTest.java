package io.mli.common.embed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.mli.common.io.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import tools.jackson.databind.JsonNode;

/** The real SDK client against WireMock standing in for Bedrock: the requests sent and the responses read. */
class BedrockEmbedderTest {
    private WireMockServer server;
    private BedrockRuntimeClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        client = BedrockEmbedder.client("us-east-1", URI.create(server.baseUrl()), Duration.ofSeconds(5),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    private static String floats(int n, float value) {
        return IntStream.range(0, n).mapToObj(i -> Float.toString(i == 0 ? value : 0f))
                .reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElseThrow();
    }

    @Test
    void titanV2SendsInputTextDimensionsAndNormalize() {
        server.stubFor(post(urlPathMatching("/model/.+/invoke")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"embedding\":" + floats(256, 3f) + ",\"inputTextTokenCount\":7}")));
        BedrockEmbedder embedder = new BedrockEmbedder(client, BedrockEmbedder.TITAN_V2, 256, null);

        float[] v = embedder.embed("นมสด Meiji 200 มล.");

        assertThat(embedder.id()).isEqualTo("bedrock/amazon.titan-embed-text-v2:0/256");
        assertThat(v).hasSize(256);
        assertThat(v[0]).isEqualTo(1f); // normalised here
        server.verify(postRequestedFor(urlPathMatching("/model/amazon.titan-embed-text-v2(:|%3A)0/invoke"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"inputText\":\"นมสด Meiji 200 มล.\",\"dimensions\":256,"
                        + "\"normalize\":true}")));
    }

    @Test
    void cohereBatchesNinetySixTextsPerCallAndReadsBothResponseShapes() {
        server.stubFor(post(urlPathMatching("/model/.+/invoke")).willReturn(aResponse().withStatus(200)
                .withTransformers("response-template")
                .withBody("{\"id\":\"x\",\"response_type\":\"embeddings_floats\",\"embeddings\":["
                        + "{{#each (jsonPath request.body '$.texts') as |t|}}{{#unless @first}},{{/unless}}"
                        + floats(1024, 2f) + "{{/each}}]}")));
        BedrockEmbedder embedder = new BedrockEmbedder(client, BedrockEmbedder.COHERE_MULTILINGUAL_V3, 1024, null);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            texts.add("title " + i);
        }

        List<float[]> vectors = embedder.embedAll(texts);

        assertThat(vectors).hasSize(100).allSatisfy(v -> assertThat(v[0]).isEqualTo(1f));
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathMatching(
                "/model/cohere.embed-multilingual-v3/invoke")));
        assertThat(requests).hasSize(2);
        JsonNode first = Json.MAPPER.readTree(requests.get(0).getBodyAsString());
        assertThat(first.get("texts")).hasSize(96);
        assertThat(first.get("input_type").asString()).isEqualTo("search_document");
        assertThat(first.get("truncate").asString()).isEqualTo("END");
        assertThat(Json.MAPPER.readTree(requests.get(1).getBodyAsString()).get("texts")).hasSize(4);

        server.resetAll();
        server.stubFor(post(urlPathMatching("/model/.+/invoke")).willReturn(aResponse().withStatus(200)
                .withBody("{\"embeddings\":{\"float\":[" + floats(1024, -5f) + "]}}")));
        assertThat(embedder.embed("x")[0]).isEqualTo(-1f);
    }

    @Test
    void wrongDimensionsAndServerErrorsAreClearErrors() {
        server.stubFor(post(urlPathMatching("/model/.+/invoke")).willReturn(aResponse().withStatus(200)
                .withBody("{\"embedding\":" + floats(512, 1f) + "}")));
        BedrockEmbedder embedder = new BedrockEmbedder(client, BedrockEmbedder.TITAN_V2, 256, null);
        assertThatThrownBy(() -> embedder.embed("x")).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("512 dimensions, expected 256");

        server.stubFor(post(urlPathMatching("/model/.+/invoke")).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "ValidationException")
                .withBody("{\"message\":\"The provided model identifier is invalid.\"}")));
        assertThatThrownBy(() -> embedder.embed("x")).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("amazon.titan-embed-text-v2:0")
                .hasMessageContaining("model identifier is invalid");

        assertThatThrownBy(() -> new BedrockEmbedder(client, BedrockEmbedder.TITAN_V2, 300, null))
                .hasMessageContaining("256, 512 or 1024");
        assertThatThrownBy(() -> new BedrockEmbedder(client, "meta.llama3", 256, null))
                .hasMessageContaining("unsupported Bedrock embedding model");
    }
}
