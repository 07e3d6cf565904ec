package io.mli.servicekit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problems the same way everywhere: title from the status, the caller's detail, the request path as
 * {@code instance} and the request id. Filters, which run before Spring MVC, write them with {@link #write}.
 */
public final class Problems {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        decorate(p, request);
        return p;
    }

    /** Adds {@code instance} and {@code request_id} to a problem built elsewhere. */
    public static void decorate(ProblemDetail p, HttpServletRequest request) {
        if (request == null) {
            return;
        }
        if (p.getInstance() == null) {
            p.setInstance(URI.create(request.getRequestURI()));
        }
        p.setProperty("request_id", RequestIdFilter.idOf(request));
    }

    /** Writes a problem directly to the servlet response (for filters, where no controller advice applies). */
    public static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status,
                             String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("request_id", RequestIdFilter.idOf(request));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(MAPPER.writeValueAsBytes(body));
    }
}
