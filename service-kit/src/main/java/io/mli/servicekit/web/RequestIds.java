package io.mli.servicekit.web;

import java.util.UUID;

/**
 * The current request's id. It lives in an {@link InheritableThreadLocal} (not only in the logging MDC) because the
 * engines fan out to agents on virtual threads they create themselves; those threads inherit it, so the HTTP agent
 * clients can pass it on in {@link #HEADER}.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** The MDC key, which the structured logs show. */
    public static final String MDC_KEY = "request_id";
    private static final int MAX_LENGTH = 128;
    private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();

    private RequestIds() {
    }

    /** The current request's id, or null outside a request. */
    public static String current() {
        return CURRENT.get();
    }

    static void set(String id) {
        CURRENT.set(id);
    }

    static void clear() {
        CURRENT.remove();
    }

    /** Keeps a caller's id when it is sane (printable ASCII, not too long), else makes a new one. */
    public static String acceptOrCreate(String incoming) {
        if (incoming != null && !incoming.isBlank() && incoming.length() <= MAX_LENGTH
                && incoming.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
