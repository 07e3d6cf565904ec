package io.mli.common.domain;

import java.util.Locale;

/** How the orchestrator asks its agents: cheap ones first ({@link #CASCADE}), or all at once ({@link #ALL}). */
public enum Mode {
    CASCADE, ALL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Mode parse(String value) {
        if (value == null || value.isBlank()) {
            return CASCADE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + value + "'; expected cascade or all");
        }
    }
}
