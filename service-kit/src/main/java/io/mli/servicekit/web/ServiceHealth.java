package io.mli.servicekit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The body of a service's {@code /health}: {@code UP} (200) when it can answer, else {@code DOWN} (503) with the
 * reason — still loading, failed to load, or (the LLM agent) no provider configured.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceHealth(
        @JsonProperty("status") String status,
        @JsonProperty("service") String service,
        @JsonProperty("reason") String reason,
        @JsonProperty("knowledge_base") String knowledgeBase,
        @JsonProperty("backend") String backend) {

    public static ResponseEntity<ServiceHealth> of(String service, String reason, String kbVersion) {
        return of(service, reason, kbVersion, null);
    }

    /** {@code backend} names what the agent answers from (the RAG agent: its vector store), or null. */
    public static ResponseEntity<ServiceHealth> of(String service, String reason, String kbVersion, String backend) {
        return reason == null
                ? ResponseEntity.ok(new ServiceHealth("UP", service, null, kbVersion, backend))
                : ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header("Retry-After", "5")
                        .body(new ServiceHealth("DOWN", service, reason, kbVersion, backend));
    }
}
