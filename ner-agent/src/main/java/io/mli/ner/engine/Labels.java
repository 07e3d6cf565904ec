package io.mli.ner.engine;

/** The CRF's labels. */
final class Labels {
    static final String BRAND = "BRAND";
    static final String VARIANT = "VARIANT";
    static final String CATEGORY = "CATEGORY";
    static final String OTHER = "O";

    private Labels() {
    }
}
