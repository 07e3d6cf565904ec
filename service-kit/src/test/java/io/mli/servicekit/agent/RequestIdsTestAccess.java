package io.mli.servicekit.agent;

import io.mli.servicekit.web.RequestIdsAccess;
import java.util.function.Supplier;

/** Runs code as if inside a request with the given id. */
final class RequestIdsTestAccess {
    private RequestIdsTestAccess() {
    }

    static <T> T withRequestId(String id, Supplier<T> work) {
        return RequestIdsAccess.with(id, work);
    }
}
