package io.mli.common.llm;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the configured {@link LlmClient} from the environment (see {@code docs/architecture.md}):
 * <pre>
 *   LLM_PROVIDER          bedrock | openai | none (default none)
 *   BEDROCK_MODEL_ID      model id, inference-profile id or custom-model-deployment ARN (amazon.nova-pro-v1:0)
 *   AWS_DEFAULT_REGION    region (us-east-1)
 *   BEDROCK_ENDPOINT_URL  endpoint override (VPC endpoint, tests)
 *   BEDROCK_OUTPUT_MODE   auto | tool | text: how the JSON answer is asked for (auto: text for custom models)
 *   OPENAI_BASE_URL       e.g. http://localhost:11434/v1 (required for openai)
 *   OPENAI_MODEL          e.g. qwen2.5:7b-instruct (required for openai)
 *   OPENAI_API_KEY        optional bearer token
 * </pre>
 * The returned client is the bare adapter; the agent wraps it in {@link ResilientLlmClient}.
 */
public final class LlmClients {
    public static final String DEFAULT_REGION = "us-east-1";

    private LlmClients() {
    }

    /** The client, or empty for {@code LLM_PROVIDER=none} (or unset). Throws when the settings are incomplete. */
    public static Optional<LlmClient> fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, LlmSettings.fromEnvironment(env));
    }

    public static Optional<LlmClient> fromEnvironment(Map<String, String> env, LlmSettings settings) {
        String provider = value(env, "LLM_PROVIDER", "none").toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "none", "off", "" -> Optional.empty();
            case "bedrock" -> Optional.of(BedrockConverseClient.create(
                    value(env, "BEDROCK_MODEL_ID", BedrockConverseClient.DEFAULT_MODEL),
                    value(env, "AWS_DEFAULT_REGION", value(env, "AWS_REGION", DEFAULT_REGION)),
                    uri(env, "BEDROCK_ENDPOINT_URL"),
                    settings)
                    .withOutputMode(BedrockConverseClient.OutputMode.parse(env.get("BEDROCK_OUTPUT_MODE"))));
            case "openai" -> {
                URI base = uri(env, "OPENAI_BASE_URL");
                String model = value(env, "OPENAI_MODEL", null);
                if (base == null || model == null) {
                    throw new IllegalArgumentException("LLM_PROVIDER=openai needs OPENAI_BASE_URL (e.g. "
                            + "http://localhost:11434/v1) and OPENAI_MODEL");
                }
                yield Optional.of(new OpenAiCompatibleClient(base, model, value(env, "OPENAI_API_KEY", null),
                        settings));
            }
            default -> throw new IllegalArgumentException("LLM_PROVIDER='" + provider
                    + "' is not one of bedrock, openai, none");
        };
    }

    /** Why there is no client, for health and {@code agent_results}, or null when one is configured. */
    public static String whyNone(Map<String, String> env) {
        String provider = value(env, "LLM_PROVIDER", "none").toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "none", "off", "" -> "no LLM provider configured (LLM_PROVIDER=" + (provider.isEmpty() ? "none"
                    : provider) + "); set LLM_PROVIDER=bedrock or openai";
            default -> null;
        };
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static URI uri(Map<String, String> env, String name) {
        String v = value(env, name, null);
        if (v == null) {
            return null;
        }
        try {
            URI u = URI.create(v);
            if (u.getScheme() == null || u.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL: '" + v + "'", e);
        }
    }
}
