package io.mli.common.text;

/**
 * A normalised copy of a title that remembers where each of its characters came from: {@code origin[i]} is the
 * offset in the original title of normalised character {@code i}, and {@code origin[length]} is the original
 * length, so a normalised range {@code [s, e)} maps back to {@code [origin[s], originEnd(e))}.
 */
public record NormalizedText(String original, String text, int[] origin) {

    public int originStart(int normalizedIndex) {
        return origin[normalizedIndex];
    }

    /** The original end offset of a normalised range ending (exclusively) at {@code normalizedEnd}. */
    public int originEnd(int normalizedEnd) {
        if (normalizedEnd <= 0) {
            return 0;
        }
        int lastStart = origin[normalizedEnd - 1];
        // Advance past every original character that produced the last normalised one.
        int next = origin[normalizedEnd];
        return Math.max(next == lastStart ? lastStart + 1 : next, lastStart + 1);
    }
}
