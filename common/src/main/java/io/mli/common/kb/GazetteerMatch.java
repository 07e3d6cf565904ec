package io.mli.common.kb;

import io.mli.common.domain.Span;

/**
 * A surface form of a known brand found in a title: the alias entry, where it stands in the original title, and
 * where in the title's compact form (letters, marks and digits only) it starts, which tells how early in the title
 * it comes.
 */
public record GazetteerMatch(AliasEntry alias, Span span, int compactStart, int compactEnd, int compactLength) {

    /** 0 at the start of the title, approaching 1 at its end. */
    public double relativePosition() {
        return compactLength == 0 ? 0 : (double) compactStart / compactLength;
    }

    public int length() {
        return compactEnd - compactStart;
    }
}
