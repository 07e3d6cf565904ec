package io.mli.common.kb;

/** How a surface form names its brand. */
public enum AliasKind {
    /** The canonical name or one of its spellings. */
    NAME,
    /** A product line that implies the brand ({@code iPhone} → Apple). */
    PRODUCT_LINE
}
