package io.mli.common.llm;

/**
 * An LLM call failed. {@link #kind()} says what went wrong, which decides whether a retry may help
 * ({@link #retryable()}: throttling, 5xx and time-outs), whether the circuit breaker counts it, and which status the
 * agent reports.
 */
public class LlmException extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** The provider said slow down (HTTP 429, Bedrock ThrottlingException / ModelNotReady). */
        THROTTLED(true, true),
        /** The provider failed (5xx, ModelError, ServiceUnavailable). */
        SERVER_ERROR(true, true),
        /** No answer within the configured time. */
        TIMEOUT(true, true),
        /** The provider could not be reached at all (connection refused, DNS, connect time-out). */
        UNREACHABLE(false, true),
        /** The set-up is wrong: unknown model, no access, bad credentials (401, 403, 404). Persistent. */
        CONFIGURATION(false, true),
        /** The provider rejected this one request (other 4xx). Another request may well succeed. */
        CLIENT_ERROR(false, false),
        /** The provider answered with something that is not its own protocol (not JSON, no choices). */
        MALFORMED(false, false),
        /** The circuit breaker is open: recent calls failed, so this one was not even tried. */
        CIRCUIT_OPEN(false, false);

        private final boolean retryable;
        private final boolean breakerFailure;

        Kind(boolean retryable, boolean breakerFailure) {
            this.retryable = retryable;
            this.breakerFailure = breakerFailure;
        }

        public boolean retryable() {
            return retryable;
        }

        /** True when the circuit breaker should count this as a failure of the provider. */
        public boolean breakerFailure() {
            return breakerFailure;
        }
    }

    private final Kind kind;

    public LlmException(String message, boolean retryable, Throwable cause) {
        this(retryable ? Kind.SERVER_ERROR : Kind.CLIENT_ERROR, message, cause);
    }

    public LlmException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public LlmException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
