package io.mli.servicekit.agent;

import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.LanguageHint;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent-to-agent protocol: the domain records themselves in snake_case JSON with lower-case enums, so the
 * protocol follows the domain without a parallel set of classes. Unknown fields are ignored both ways, so agents of
 * neighbouring versions can talk during a rolling deployment.
 */
public final class AgentWire {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * What a client sends to an agent's {@code /infer}: the public body's fields plus upstream candidates, brands
     * to check and an upstream check's answer ({@link InferenceRequest}); empty ones are left out.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    public record Call(String productName, LanguageHint languageHint, int topK, List<BrandGuess> candidates,
                       List<BrandGuess> check, AgentAnswer checked) {
        public static Call of(InferenceRequest r) {
            return new Call(r.title(), r.languageHint(), r.topK(), r.candidates(), r.check(), r.checked());
        }
    }

    private AgentWire() {
    }

    public static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static AgentAnswer readAnswer(byte[] json) {
        return MAPPER.readValue(json, AgentAnswer.class);
    }
}
