package io.mli.common.kb;

import java.util.List;

/**
 * A brand the knowledge base knows: a stable {@code id} (derived from the canonical name's matching key), the
 * canonical {@code name}, {@code aliases} in several spellings and scripts ({@code LAY'S}, {@code Lays},
 * {@code เลย์}), {@code productLines} that imply the brand ({@code iPhone} → Apple), the categories its products sit
 * in (most frequent first), how many catalog products carry it, and where it came from ({@code catalog},
 * {@code starter}, or both).
 */
public record Brand(String id, String name, List<String> aliases, List<String> productLines, List<String> categories,
                    int products, String source) {
    public Brand {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        productLines = productLines == null ? List.of() : List.copyOf(productLines);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** The canonical name followed by every alias, without duplicates. */
    public List<String> allNames() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        names.add(name);
        names.addAll(aliases);
        return List.copyOf(names);
    }
}
