package io.mli.servicekit.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with the status and the human-readable detail the caller gets as RFC 9457
 * problem+json. {@code retryAfter} (may be null) becomes a {@code Retry-After} header.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, null);
    }

    public ApiException(HttpStatus status, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }

    public static ApiException unavailable(String detail, Duration retryAfter) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, detail, retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
