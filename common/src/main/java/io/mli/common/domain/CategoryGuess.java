package io.mli.common.domain;

/** The most likely category path (for example {@code Beverages /// Tea /// Tea Leaves}) and its confidence. */
public record CategoryGuess(String path, double confidence) {
}
