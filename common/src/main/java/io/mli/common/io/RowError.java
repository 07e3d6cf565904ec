package io.mli.common.io;

/** A row that could not be read, with its 1-based line number and a message a person can act on. */
public record RowError(long line, String message, String raw) {
}
