package io.mli.orchestrator.service;

import io.mli.common.api.BatchBody;
import io.mli.common.api.BatchResponse;
import io.mli.common.api.InferenceBody;
import io.mli.common.api.InferenceResponse;
import io.mli.servicekit.web.RequestIdFilter;
import io.mli.servicekit.web.RequestParser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The public inference API. Bodies arrive as JSON trees and are validated by {@link RequestParser}, so every mistake
 * gets its own problem+json (400/422) instead of a generic binding error; the OpenAPI annotations describe the
 * typed shapes ({@link InferenceBody}, {@link BatchBody}).
 */
@RestController
class InferenceController {
    private final InferenceService service;

    InferenceController(InferenceService service) {
        this.service = service;
    }

    @Operation(summary = "Infer the brand of one product title",
            description = "`/infer` is the same, for clients of the Python prototype.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = InferenceBody.class))))
    @ApiResponse(responseCode = "200", description = "the answer (brand null with abstain_reason to abstain)")
    @ApiResponse(responseCode = "400", description = "malformed JSON, missing/blank/too long product_name, bad types",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "body over 256 KB",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "not application/json",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "unknown method, mode or language_hint",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "the chosen agent (or every agent) cannot answer; see Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = {"/inference", "/infer"}, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    InferenceResponse infer(@RequestBody JsonNode body, HttpServletRequest request) {
        return service.infer(RequestParser.parse(body), RequestIdFilter.idOf(request));
    }

    @Operation(summary = "Infer the brands of up to 1,000 titles",
            description = "Results come in the request's order; each item has its own result or error.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = BatchBody.class))))
    @PostMapping(path = "/inference/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    BatchResponse batch(@RequestBody JsonNode body, HttpServletRequest request) {
        return service.batch(RequestParser.parseBatch(body), RequestIdFilter.idOf(request));
    }
}
