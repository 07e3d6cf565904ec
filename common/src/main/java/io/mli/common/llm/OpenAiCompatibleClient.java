package io.mli.common.llm;

import io.mli.common.io.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@link LlmClient} on an OpenAI-compatible {@code /chat/completions} endpoint (Ollama, vLLM, llama.cpp server,
 * OpenAI itself). {@code baseUrl} is what such servers document as the API base, e.g.
 * {@code http://localhost:11434/v1}; the schema goes in {@code response_format} as a strict {@code json_schema}.
 * Uses the JDK's HTTP client only. No retries here: {@link ResilientLlmClient} does them.
 */
public final class OpenAiCompatibleClient implements LlmClient {
    private final HttpClient http;
    private final URI endpoint;
    private final String model;
    private final String apiKey;
    private final Duration callTimeout;

    public OpenAiCompatibleClient(URI baseUrl, String model, String apiKey, LlmSettings settings) {
        this(HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build(), baseUrl, model, apiKey, settings.callTimeout());
    }

    public OpenAiCompatibleClient(HttpClient http, URI baseUrl, String model, String apiKey, Duration callTimeout) {
        if (baseUrl == null || model == null || model.isBlank()) {
            throw new IllegalArgumentException("an OpenAI-compatible server needs a base URL and a model");
        }
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/chat/completions");
        this.http = http;
        this.model = model.trim();
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        this.callTimeout = callTimeout;
    }

    @Override
    public String id() {
        return "openai:" + model;
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public LlmResponse complete(LlmRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("messages", List.of(
                Map.of("role", "system", "content", request.systemPrompt()),
                Map.of("role", "user", "content", request.userMessage())));
        body.put("temperature", request.temperature());
        body.put("max_tokens", request.maxTokens());
        body.put("stream", false);
        body.put("response_format", Map.of("type", "json_schema", "json_schema", Map.of(
                "name", LlmRequest.SCHEMA_NAME,
                "strict", true,
                "schema", Json.MAPPER.readValue(request.jsonSchema(), Object.class))));
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint)
                .timeout(callTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body), StandardCharsets.UTF_8));
        if (apiKey != null) {
            http.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = this.http.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new LlmException(LlmException.Kind.UNREACHABLE, "cannot connect to " + endpoint + ": " + e, e);
        } catch (HttpTimeoutException e) {
            throw new LlmException(LlmException.Kind.TIMEOUT, endpoint + " did not answer in " + callTimeout, e);
        } catch (ConnectException e) {
            throw new LlmException(LlmException.Kind.UNREACHABLE, "cannot connect to " + endpoint + ": " + e, e);
        } catch (IOException e) {
            throw new LlmException(LlmException.Kind.SERVER_ERROR, "I/O failure talking to " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted", e);
        }
        int status = response.statusCode();
        if (status != 200) {
            throw new LlmException(kindOf(status), endpoint + " answered " + status + ": " + abbreviate(response.body()),
                    null);
        }
        return read(response.body());
    }

    private static LlmException.Kind kindOf(int status) {
        if (status == 429) {
            return LlmException.Kind.THROTTLED;
        }
        if (status == 408 || status == 504) {
            return LlmException.Kind.TIMEOUT;
        }
        if (status >= 500) {
            return LlmException.Kind.SERVER_ERROR;
        }
        if (status == 401 || status == 403 || status == 404) {
            return LlmException.Kind.CONFIGURATION;
        }
        return LlmException.Kind.CLIENT_ERROR;
    }

    private LlmResponse read(String body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new LlmException(LlmException.Kind.MALFORMED, "chat completion is not JSON: " + abbreviate(body), e);
        }
        JsonNode choices = root.path("choices");
        if (!choices.isArray() || choices.isEmpty()) {
            throw new LlmException(LlmException.Kind.MALFORMED, "chat completion without choices: " + abbreviate(body));
        }
        JsonNode choice = choices.get(0);
        JsonNode message = choice.path("message");
        String finish = choice.path("finish_reason").asString("");
        JsonNode usage = root.path("usage");
        int in = usage.path("prompt_tokens").asInt(0);
        int out = usage.path("completion_tokens").asInt(0);
        String modelId = root.path("model").asString(model);
        JsonNode refusal = message.path("refusal");
        if (refusal.isString() && !refusal.asString().isBlank()) {
            return new LlmResponse(null, in, out, LlmResponse.REFUSED, modelId);
        }
        JsonNode content = message.path("content");
        String json = content.isString() ? content.asString() : null;
        String stop = switch (finish) {
            case "stop", "tool_calls", "function_call", "eos" -> LlmResponse.COMPLETE;
            case "length" -> LlmResponse.MAX_TOKENS;
            case "content_filter" -> LlmResponse.REFUSED;
            default -> LlmResponse.OTHER;
        };
        return new LlmResponse(json, in, out, stop, modelId);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
