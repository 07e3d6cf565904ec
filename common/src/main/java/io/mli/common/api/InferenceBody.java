package io.mli.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /inference} (and {@code /infer}): the title ({@code product_name}, or {@code title} for the
 * Python prototype's clients), an optional language hint ({@code auto|en|th|mixed}), method
 * ({@code orchestrator|ner|rag|llm|hybrid}), mode ({@code cascade|all}) and {@code top_k} (1–10). Absent fields take
 * their defaults. The server validates the raw JSON itself (see the services' request parser) so that every mistake
 * gets a precise problem detail; this record documents the shape and is what clients send.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceBody(
        @JsonProperty("product_name") String productName,
        @JsonProperty("title") String title,
        @JsonProperty("language_hint") String languageHint,
        @JsonProperty("method") String method,
        @JsonProperty("mode") String mode,
        @JsonProperty("top_k") Integer topK) {

    public static InferenceBody of(String productName) {
        return new InferenceBody(productName, null, null, null, null, null);
    }
}
