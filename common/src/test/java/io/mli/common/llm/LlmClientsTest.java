package io.mli.common.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmClientsTest {

    @Test
    void noneOrUnsetMeansNoClientAndSaysWhy() {
        assertThat(LlmClients.fromEnvironment(Map.of())).isEmpty();
        assertThat(LlmClients.fromEnvironment(Map.of("LLM_PROVIDER", "none"))).isEmpty();
        assertThat(LlmClients.whyNone(Map.of())).contains("LLM_PROVIDER=none");
        assertThat(LlmClients.whyNone(Map.of("LLM_PROVIDER", "bedrock"))).isNull();
    }

    @Test
    void bedrockTakesModelRegionAndEndpoint() {
        var client = LlmClients.fromEnvironment(Map.of("LLM_PROVIDER", "bedrock",
                "BEDROCK_MODEL_ID", "us.amazon.nova-pro-v1:0", "AWS_DEFAULT_REGION", "us-west-2",
                "BEDROCK_ENDPOINT_URL", "http://127.0.0.1:9")).orElseThrow();
        assertThat(client.id()).isEqualTo("bedrock:us.amazon.nova-pro-v1:0");
        assertThat(LlmClients.fromEnvironment(Map.of("LLM_PROVIDER", "Bedrock")).orElseThrow().id())
                .isEqualTo("bedrock:amazon.nova-pro-v1:0");
        var textMode = (BedrockConverseClient) LlmClients.fromEnvironment(Map.of("LLM_PROVIDER", "bedrock",
                "BEDROCK_OUTPUT_MODE", "text")).orElseThrow();
        assertThat(textMode.usesTool()).isFalse();
        assertThatThrownBy(() -> LlmClients.fromEnvironment(Map.of("LLM_PROVIDER", "bedrock",
                "BEDROCK_OUTPUT_MODE", "xml"))).hasMessageContaining("BEDROCK_OUTPUT_MODE");
    }

    @Test
    void openAiNeedsBaseUrlAndModel() {
        var client = LlmClients.fromEnvironment(Map.of("LLM_PROVIDER", "openai",
                "OPENAI_BASE_URL", "http://localhost:11434/v1", "OPENAI_MODEL", "qwen2.5:7b")).orElseThrow();
        assertThat(client.id()).isEqualTo("openai:qwen2.5:7b");
        assertThat(((OpenAiCompatibleClient) client).endpoint())
                .hasToString("http://localhost:11434/v1/chat/completions");
        assertThatThrownBy(() -> LlmClients.fromEnvironment(Map.of("LLM_PROVIDER", "openai")))
                .hasMessageContaining("OPENAI_BASE_URL");
        assertThatThrownBy(() -> LlmClients.fromEnvironment(Map.of("LLM_PROVIDER", "openai",
                "OPENAI_BASE_URL", "not a url", "OPENAI_MODEL", "m"))).hasMessageContaining("OPENAI_BASE_URL");
    }

    @Test
    void unknownProvidersAreRejected() {
        assertThatThrownBy(() -> LlmClients.fromEnvironment(Map.of("LLM_PROVIDER", "gemini")))
                .hasMessageContaining("bedrock, openai, none");
    }

    @Test
    void settingsComeFromTheEnvironmentWithDefaults() {
        LlmSettings s = LlmSettings.fromEnvironment(Map.of("LLM_CALLS_PER_MINUTE", "30",
                "LLM_TIMEOUT_SECONDS", "2.5", "LLM_PRICE_INPUT_PER_1K", "0.001"));
        assertThat(s.callsPerMinute()).isEqualTo(30);
        assertThat(s.callTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.inputPricePer1k()).isEqualTo(0.001);
        assertThat(s.outputPricePer1k()).isEqualTo(LlmSettings.defaults().outputPricePer1k());
        assertThat(s.costUsd(1000, 500)).isEqualTo(0.001 + 0.5 * 0.0032, org.assertj.core.data.Offset.offset(1e-12));
        assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("LLM_MAX_ATTEMPTS", "many")))
                .hasMessageContaining("LLM_MAX_ATTEMPTS");
    }
}
