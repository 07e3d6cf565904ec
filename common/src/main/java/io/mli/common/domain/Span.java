package io.mli.common.domain;

/**
 * A stretch of the original title, by UTF-16 offsets ({@code start} inclusive, {@code end} exclusive), with the text
 * it covers. Offsets always refer to the title exactly as the user sent it, never to a normalised copy.
 */
public record Span(int start, int end, String text) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public static Span of(String title, int start, int end) {
        return new Span(start, end, title.substring(start, end));
    }
}
