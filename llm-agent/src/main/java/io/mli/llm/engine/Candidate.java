package io.mli.llm.engine;

import java.util.List;

/**
 * A brand offered to the model: its knowledge-base id (null for a brand the knowledge base does not know), name,
 * a few aliases (other spellings and scripts), and the words of the title it was found as (null when it came from
 * upstream without a place, e.g. retrieval votes).
 */
public record Candidate(String id, String name, List<String> aliases, String foundAs) {
    public Candidate {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
