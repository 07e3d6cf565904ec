package io.mli.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /inference/batch}: up to {@link #MAX_ITEMS} items, each with an optional caller's
 * {@code id}, its {@code product_name} and optionally its own {@code language_hint}, {@code method}, {@code mode} and
 * {@code top_k}. The top-level fields are defaults for items that do not set their own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchBody(
        @JsonProperty("items") List<Item> items,
        @JsonProperty("language_hint") String languageHint,
        @JsonProperty("method") String method,
        @JsonProperty("mode") String mode,
        @JsonProperty("top_k") Integer topK) {

    public static final int MAX_ITEMS = 1_000;

    /** One title of a batch. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @JsonProperty("id") String id,
            @JsonProperty("product_name") String productName,
            @JsonProperty("language_hint") String languageHint,
            @JsonProperty("top_k") Integer topK) {
    }
}
