package io.mli.servicekit.web;

import java.util.function.Supplier;

/** Test access to the package-private request-id holder. */
public final class RequestIdsAccess {
    private RequestIdsAccess() {
    }

    public static <T> T with(String id, Supplier<T> work) {
        RequestIds.set(id);
        try {
            return work.get();
        } finally {
            RequestIds.clear();
        }
    }
}
