package io.mli.common.domain;

import java.util.Locale;

/** Which agent answers: the orchestrator (the default, combining the others) or one agent alone. */
public enum Method {
    ORCHESTRATOR, NER, RAG, LLM, HYBRID;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; throws {@link IllegalArgumentException} naming the valid ones. */
    public static Method parse(String value) {
        if (value == null || value.isBlank()) {
            return ORCHESTRATOR;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown method '" + value
                    + "'; expected one of orchestrator, ner, rag, llm, hybrid");
        }
    }
}
