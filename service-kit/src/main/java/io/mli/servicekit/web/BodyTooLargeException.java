package io.mli.servicekit.web;

import java.io.IOException;

/** Thrown while reading a body (sent without a length, or longer than it said) once it passes the limit. */
public final class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit / 1024 + " KB");
    }
}
