package io.mli.common.embed;

import io.mli.common.io.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Amazon Bedrock embeddings through {@code bedrockruntime InvokeModel}: Titan Text Embeddings v2
 * ({@code amazon.titan-embed-text-v2:0}, 256, 512 or 1024 dimensions) and Cohere Embed Multilingual v3
 * ({@code cohere.embed-multilingual-v3}, 1024 dimensions, up to 96 texts per call). The model family is recognised
 * from the model id, so inference-profile ids ({@code us.…}) and ARNs that contain it work too.
 *
 * <p>Vectors are L2-normalised here whatever the model returns, and checked against the dimension. The id
 * ({@code bedrock/<model>/<dimension>}) goes into every index built with it. Thread-safe (the SDK client is).
 * Errors come out as {@link EmbeddingException} naming the model.
 */
public final class BedrockEmbedder implements Embedder, AutoCloseable {
    public static final String TITAN_V2 = "amazon.titan-embed-text-v2:0";
    public static final String COHERE_MULTILINGUAL_V3 = "cohere.embed-multilingual-v3";
    /** Cohere's limit of texts per request. */
    static final int COHERE_BATCH = 96;

    enum Family { TITAN_V2, COHERE_V3 }

    private final BedrockRuntimeClient client;
    private final boolean ownsClient;
    private final String modelId;
    private final Family family;
    private final int dimension;
    private final String cohereInputType;

    /**
     * @param cohereInputType Cohere's {@code input_type}; titles are compared with titles, so one symmetric type
     *                        ({@code search_document} by default) serves both the index and the queries
     */
    public BedrockEmbedder(BedrockRuntimeClient client, String modelId, int dimension, String cohereInputType) {
        this(client, false, modelId, dimension, cohereInputType);
    }

    private BedrockEmbedder(BedrockRuntimeClient client, boolean ownsClient, String modelId, int dimension,
                            String cohereInputType) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.modelId = modelId;
        this.family = familyOf(modelId);
        if (family == Family.TITAN_V2 && dimension != 256 && dimension != 512 && dimension != 1024) {
            throw new IllegalArgumentException("Titan Text Embeddings v2 offers 256, 512 or 1024 dimensions, not "
                    + dimension);
        }
        if (family == Family.COHERE_V3 && dimension != 1024) {
            throw new IllegalArgumentException("Cohere Embed v3 models have 1024 dimensions, not " + dimension);
        }
        this.dimension = dimension;
        this.cohereInputType = cohereInputType == null ? "search_document" : cohereInputType;
    }

    /** Titan Text Embeddings v2 with its own client (closed with this embedder). */
    public static BedrockEmbedder titanV2(String region, URI endpointOverride, int dimension) {
        return new BedrockEmbedder(client(region, endpointOverride, Duration.ofSeconds(10)), true, TITAN_V2,
                dimension, null);
    }

    /** Cohere Embed Multilingual v3 with its own client (closed with this embedder). */
    public static BedrockEmbedder cohereMultilingual(String region, URI endpointOverride) {
        return new BedrockEmbedder(client(region, endpointOverride, Duration.ofSeconds(10)), true,
                COHERE_MULTILINGUAL_V3, 1024, null);
    }

    /** Any supported model id with its own client; {@code endpointOverride} may be null. */
    public static BedrockEmbedder of(String modelId, int dimension, String region, URI endpointOverride) {
        return new BedrockEmbedder(client(region, endpointOverride, Duration.ofSeconds(10)), true, modelId,
                dimension, null);
    }

    /** A runtime client with a call timeout, the default credentials chain and the SDK's standard retries. */
    public static BedrockRuntimeClient client(String region, URI endpointOverride, Duration callTimeout) {
        return client(region, endpointOverride, callTimeout, null);
    }

    /** As {@link #client(String, URI, Duration)} with explicit credentials (null: the default chain). */
    public static BedrockRuntimeClient client(String region, URI endpointOverride, Duration callTimeout,
                                              AwsCredentialsProvider credentials) {
        BedrockRuntimeClientBuilder b = BedrockRuntimeClient.builder()
                .region(Region.of(region == null ? "us-east-1" : region))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(callTimeout))
                .overrideConfiguration(c -> c.apiCallTimeout(callTimeout.multipliedBy(3))
                        .apiCallAttemptTimeout(callTimeout));
        if (endpointOverride != null) {
            b.endpointOverride(endpointOverride);
        }
        if (credentials != null) {
            b.credentialsProvider(credentials);
        }
        return b.build();
    }

    static Family familyOf(String modelId) {
        if (modelId.contains("titan-embed-text-v2")) {
            return Family.TITAN_V2;
        }
        if (modelId.contains("cohere.embed-")) {
            return Family.COHERE_V3;
        }
        throw new IllegalArgumentException("unsupported Bedrock embedding model '" + modelId + "' (supported: "
                + TITAN_V2 + ", cohere.embed-multilingual-v3, cohere.embed-english-v3)");
    }

    @Override
    public String id() {
        return "bedrock/" + modelId + "/" + dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        return family == Family.TITAN_V2 ? titan(text) : cohere(List.of(text)).getFirst();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (family == Family.TITAN_V2) {
            return Embedder.super.embedAll(texts); // Titan takes one text per call
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i += COHERE_BATCH) {
            out.addAll(cohere(texts.subList(i, Math.min(texts.size(), i + COHERE_BATCH))));
        }
        return out;
    }

    private float[] titan(String text) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("inputText", text == null || text.isBlank() ? " " : text);
        body.put("dimensions", dimension);
        body.put("normalize", true);
        JsonNode response = invoke(body);
        return vector(response.path("embedding"));
    }

    private List<float[]> cohere(List<String> texts) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode array = body.putArray("texts");
        texts.forEach(t -> array.add(t == null || t.isBlank() ? " " : t));
        body.put("input_type", cohereInputType);
        body.put("truncate", "END");
        JsonNode response = invoke(body);
        // Plain floats come as "embeddings": [[...]]; with embedding_types they come as "embeddings": {"float": ...}.
        JsonNode embeddings = response.path("embeddings");
        if (embeddings.isObject()) {
            embeddings = embeddings.path("float");
        }
        if (!embeddings.isArray() || embeddings.size() != texts.size()) {
            throw new EmbeddingException("Bedrock model " + modelId + " returned " + embeddings.size()
                    + " embeddings for " + texts.size() + " texts");
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (JsonNode e : embeddings) {
            out.add(vector(e));
        }
        return out;
    }

    private JsonNode invoke(ObjectNode body) {
        InvokeModelResponse response;
        try {
            response = client.invokeModel(InvokeModelRequest.builder().modelId(modelId)
                    .contentType("application/json").accept("application/json")
                    .body(SdkBytes.fromUtf8String(Json.MAPPER.writeValueAsString(body))).build());
        } catch (SdkException e) {
            throw new EmbeddingException("Bedrock embedding model " + modelId + " failed: " + e.getMessage(), e);
        }
        try {
            return Json.MAPPER.readTree(response.body().asUtf8String());
        } catch (RuntimeException e) {
            throw new EmbeddingException("Bedrock embedding model " + modelId + " returned unreadable JSON", e);
        }
    }

    private float[] vector(JsonNode array) {
        if (!array.isArray() || array.size() != dimension) {
            throw new EmbeddingException("Bedrock embedding model " + modelId + " returned "
                    + (array.isArray() ? array.size() + " dimensions" : "no embedding") + ", expected " + dimension);
        }
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) array.get(i).asDouble();
        }
        HashedNgramEmbedder.normalise(v);
        return v;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
