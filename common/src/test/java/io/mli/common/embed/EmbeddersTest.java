package io.mli.common.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddersTest {
    @Test
    void theDefaultIsTheHashedEmbedder() {
        assertThat(Embedders.fromEnvironment(Map.of()).id()).isEqualTo("hashed-ngram-v2-384");
        assertThat(Embedders.fromSpec("hashed", Map.of()).id()).isEqualTo("hashed-ngram-v2-384");
        assertThat(Embedders.fromSpec("hashed:256", Map.of()).dimension()).isEqualTo(256);
    }

    @Test
    void bedrockSpecsNameTheModelAndOptionalDimension() {
        Map<String, String> env = Map.of("AWS_DEFAULT_REGION", "ap-southeast-1",
                "BEDROCK_ENDPOINT_URL", "http://127.0.0.1:1");
        try (BedrockEmbedder titan = (BedrockEmbedder) Embedders.fromSpec("bedrock:amazon.titan-embed-text-v2:0:512",
                env)) {
            assertThat(titan.id()).isEqualTo("bedrock/amazon.titan-embed-text-v2:0/512");
        }
        try (BedrockEmbedder titan = (BedrockEmbedder) Embedders.fromSpec("bedrock:amazon.titan-embed-text-v2:0",
                env)) {
            assertThat(titan.dimension()).isEqualTo(1024);
        }
        try (BedrockEmbedder cohere = (BedrockEmbedder) Embedders.fromSpec("bedrock:cohere.embed-multilingual-v3",
                env)) {
            assertThat(cohere.id()).isEqualTo("bedrock/cohere.embed-multilingual-v3/1024");
        }
        assertThatThrownBy(() -> Embedders.fromSpec("word2vec", Map.of())).hasMessageContaining("unknown embedder");
    }
}
