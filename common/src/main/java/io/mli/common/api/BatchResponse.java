package io.mli.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The answer to a batch: one entry per item, in the request's order, each with its result or its error. */
public record BatchResponse(
        @JsonProperty("request_id") String requestId,
        @JsonProperty("count") int count,
        @JsonProperty("errors") int errors,
        @JsonProperty("results") List<ItemResult> results,
        @JsonProperty("processing_time_ms") double processingTimeMs) {

    /** One item's outcome: exactly one of {@code result} and {@code error} is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(
            @JsonProperty("index") int index,
            @JsonProperty("id") String id,
            @JsonProperty("result") InferenceResponse result,
            @JsonProperty("error") Problem error) {
    }

    /** An item's error, shaped like an RFC 9457 problem. */
    public record Problem(
            @JsonProperty("status") int status,
            @JsonProperty("title") String title,
            @JsonProperty("detail") String detail) {
    }
}
