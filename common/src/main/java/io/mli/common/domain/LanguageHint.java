package io.mli.common.domain;

import java.util.Locale;

/** What the caller says the title's language is; {@link #AUTO} lets the system detect it. */
public enum LanguageHint {
    AUTO, EN, TH, MIXED;

    public static LanguageHint parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
