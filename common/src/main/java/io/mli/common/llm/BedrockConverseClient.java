package io.mli.common.llm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SpecificToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * {@link LlmClient} on the Amazon Bedrock Converse API. The model is whatever Converse accepts as a model id: a
 * foundation model ({@code amazon.nova-pro-v1:0}), a cross-region inference profile ({@code us.amazon.nova-pro-v1:0})
 * or the ARN of a custom model deployment (a fine-tuned Nova). The answer's JSON schema becomes the input schema of
 * a single tool that the model is forced to call, so the answer arrives as the tool's input; a model that answers in
 * text instead still gets its text parsed (strictly) by the agent.
 *
 * <p>How the answer is asked for is the {@link OutputMode}: a forced tool call for foundation models, or plain JSON
 * text for custom model deployments, because {@code mli finetune} teaches the fine-tuned model to answer with the
 * JSON object as text, and inference should ask for what training taught.
 *
 * <p>The SDK's own retries are switched off: {@link ResilientLlmClient} retries once, for every provider alike.
 */
public final class BedrockConverseClient implements LlmClient {
    public static final String DEFAULT_MODEL = "amazon.nova-pro-v1:0";

    /** How the structured answer is requested ({@code BEDROCK_OUTPUT_MODE}). */
    public enum OutputMode {
        /** The schema as a tool the model must call: the answer is the tool's input. */
        TOOL,
        /** No tools: the system prompt asks for the JSON object as the whole text answer. */
        TEXT,
        /** TEXT for custom model deployments and custom models (fine-tuned on text answers), TOOL otherwise. */
        AUTO;

        public static OutputMode parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("BEDROCK_OUTPUT_MODE='" + value + "' is not auto, tool or text");
            }
        }
    }

    /** Nova's tool use is most reliable with greedy decoding: temperature 0 and, in Nova's own fields, top-k 1. */
    private static final Document NOVA_GREEDY = Document.fromMap(Map.of("inferenceConfig",
            Document.fromMap(Map.of("topK", Document.fromNumber(1)))));

    private final BedrockRuntimeClient client;
    private final String modelId;
    private final boolean greedy;
    private final boolean tool;

    public BedrockConverseClient(BedrockRuntimeClient client, String modelId) {
        this(client, modelId, OutputMode.AUTO);
    }

    public BedrockConverseClient(BedrockRuntimeClient client, String modelId, OutputMode mode) {
        if (modelId == null || modelId.isBlank()) {
            throw new IllegalArgumentException("a Bedrock model id is required");
        }
        this.client = client;
        this.modelId = modelId.trim();
        // Nova models, and custom-model deployments (in this project, fine-tuned Nova). Other families name the
        // field differently, so they get no model-specific fields.
        this.greedy = this.modelId.contains("amazon.nova") || this.modelId.contains(":custom-model");
        boolean custom = this.modelId.startsWith("arn:") && this.modelId.contains(":custom-model");
        this.tool = switch (mode == null ? OutputMode.AUTO : mode) {
            case TOOL -> true;
            case TEXT -> false;
            case AUTO -> !custom;
        };
    }

    /** The same client asking for its answers another way. */
    public BedrockConverseClient withOutputMode(OutputMode mode) {
        return new BedrockConverseClient(client, modelId, mode);
    }

    /** True when the answer is requested as a forced tool call, false for JSON text. */
    public boolean usesTool() {
        return tool;
    }

    /**
     * A client for {@code region}, optionally on {@code endpoint} (VPC endpoint, or a stand-in in tests), with the
     * settings' time-outs and the default AWS credentials chain.
     */
    public static BedrockConverseClient create(String modelId, String region, URI endpoint, LlmSettings settings) {
        return create(modelId, region, endpoint, settings, DefaultCredentialsProvider.builder().build());
    }

    public static BedrockConverseClient create(String modelId, String region, URI endpoint, LlmSettings settings,
                                               AwsCredentialsProvider credentials) {
        return create(modelId, region, endpoint, settings, credentials, OutputMode.AUTO);
    }

    public static BedrockConverseClient create(String modelId, String region, URI endpoint, LlmSettings settings,
                                               AwsCredentialsProvider credentials, OutputMode mode) {
        var builder = BedrockRuntimeClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(settings.callTimeout()))
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(settings.callTimeout())
                        .apiCallTimeout(settings.callTimeout().plus(settings.connectTimeout())));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return new BedrockConverseClient(builder.build(), modelId, mode);
    }

    @Override
    public String id() {
        return "bedrock:" + modelId;
    }

    public String modelId() {
        return modelId;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        ConverseRequest.Builder converse = ConverseRequest.builder()
                .modelId(modelId)
                .system(SystemContentBlock.fromText(request.systemPrompt()))
                .messages(Message.builder()
                        .role(ConversationRole.USER)
                        .content(ContentBlock.fromText(request.userMessage()))
                        .build())
                .inferenceConfig(InferenceConfiguration.builder()
                        .maxTokens(request.maxTokens())
                        .temperature((float) request.temperature())
                        .build())
                .additionalModelRequestFields(greedy ? NOVA_GREEDY : null);
        if (tool) {
            converse.toolConfig(ToolConfiguration.builder()
                    .tools(Tool.fromToolSpec(ToolSpecification.builder()
                            .name(LlmRequest.SCHEMA_NAME)
                            .description("Record the answer. Always call this tool exactly once.")
                            .inputSchema(ToolInputSchema.fromJson(JsonDocuments.fromJson(request.jsonSchema())))
                            .build()))
                    .toolChoice(ToolChoice.fromTool(SpecificToolChoice.builder()
                            .name(LlmRequest.SCHEMA_NAME).build()))
                    .build());
        }
        ConverseResponse response;
        try {
            response = client.converse(converse.build());
        } catch (SdkException e) {
            throw translate(e);
        }
        return read(response);
    }

    private LlmResponse read(ConverseResponse response) {
        if (response.output() == null || response.output().message() == null) {
            throw new LlmException(LlmException.Kind.MALFORMED, "Converse answered without a message");
        }
        String json = null;
        String text = null;
        for (ContentBlock block : response.output().message().content()) {
            ToolUseBlock tool = block.toolUse();
            if (tool != null && LlmRequest.SCHEMA_NAME.equals(tool.name()) && tool.input() != null) {
                json = JsonDocuments.toJson(tool.input());
                break;
            }
            if (block.text() != null && text == null) {
                text = block.text();
            }
        }
        int in = 0;
        int out = 0;
        if (response.usage() != null) {
            in = nullToZero(response.usage().inputTokens());
            out = nullToZero(response.usage().outputTokens());
        }
        return new LlmResponse(json != null ? json : text, in, out, stopReason(response.stopReason()), modelId);
    }

    private static String stopReason(StopReason reason) {
        if (reason == null) {
            return LlmResponse.OTHER;
        }
        return switch (reason) {
            case END_TURN, TOOL_USE, STOP_SEQUENCE -> LlmResponse.COMPLETE;
            case MAX_TOKENS, MODEL_CONTEXT_WINDOW_EXCEEDED -> LlmResponse.MAX_TOKENS;
            case GUARDRAIL_INTERVENED, CONTENT_FILTERED -> LlmResponse.REFUSED;
            default -> LlmResponse.OTHER;
        };
    }

    private static int nullToZero(Integer i) {
        return i == null ? 0 : i;
    }

    /** Maps the SDK's exceptions to what the agent needs to know: retry, count as an outage, or give up. */
    static LlmException translate(SdkException e) {
        if (e instanceof AwsServiceException ase) {
            int status = ase.statusCode();
            String code = ase.awsErrorDetails() == null ? "" : ase.awsErrorDetails().errorCode();
            String message = ase.awsErrorDetails() == null ? ase.getMessage() : ase.awsErrorDetails().errorMessage();
            String what = "Bedrock " + status + " " + code + ": " + message;
            LlmException.Kind kind;
            if (status == 429 || "ThrottlingException".equals(code) || "ModelNotReadyException".equals(code)) {
                kind = LlmException.Kind.THROTTLED;
            } else if (status == 408 || "ModelTimeoutException".equals(code)) {
                kind = LlmException.Kind.TIMEOUT;
            } else if (status >= 500 || status == 424) {
                kind = LlmException.Kind.SERVER_ERROR;
            } else if (status == 401 || status == 403 || status == 404) {
                kind = LlmException.Kind.CONFIGURATION;
            } else {
                kind = LlmException.Kind.CLIENT_ERROR;
            }
            return new LlmException(kind, what, e);
        }
        if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException) {
            return new LlmException(LlmException.Kind.TIMEOUT, "Bedrock did not answer in time", e);
        }
        if (e instanceof SdkClientException) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof ConnectException || t instanceof UnknownHostException
                        || t instanceof NoRouteToHostException) {
                    return new LlmException(LlmException.Kind.UNREACHABLE, "Bedrock unreachable: " + t, e);
                }
                if (t instanceof SocketTimeoutException ste) {
                    boolean connect = String.valueOf(ste.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
                    return new LlmException(connect ? LlmException.Kind.UNREACHABLE : LlmException.Kind.TIMEOUT,
                            "Bedrock timed out: " + ste.getMessage(), e);
                }
                if (t instanceof IOException) {
                    return new LlmException(LlmException.Kind.SERVER_ERROR, "Bedrock I/O failure: " + t, e);
                }
            }
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("credentials")) {
                return new LlmException(LlmException.Kind.CONFIGURATION, "no AWS credentials for Bedrock: "
                        + e.getMessage(), e);
            }
            if (String.valueOf(e.getMessage()).contains("Unable to unmarshall")) {
                return new LlmException(LlmException.Kind.MALFORMED, "Bedrock answer unreadable: " + e.getMessage(), e);
            }
            return new LlmException(LlmException.Kind.UNREACHABLE, "Bedrock client failure: " + e.getMessage(), e);
        }
        return new LlmException(LlmException.Kind.SERVER_ERROR, "Bedrock failure: " + e.getMessage(), e);
    }
}
