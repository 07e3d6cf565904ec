package io.mli.common.kb;

import io.mli.common.domain.CategoryGuess;
import java.util.List;

/**
 * A brand the knowledge base knows: a stable {@code id} (derived from the canonical name's matching key), the
 * canonical {@code name}, {@code aliases} in several spellings and scripts ({@code LAY'S}, {@code Lays},
 * {@code เลย์}), {@code productLines} that imply the brand ({@code iPhone} → Apple), the categories its products sit
 * in (most frequent first) with how many of its catalog products sit in each ({@code categoryCounts}, empty for a
 * brand only the starter knows), how many catalog products carry it, and where it came from ({@code catalog},
 * {@code starter}, or both).
 */
public record Brand(String id, String name, List<String> aliases, List<String> productLines, List<String> categories,
                    List<Integer> categoryCounts, int products, String source) {
    public Brand {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        productLines = productLines == null ? List.of() : List.copyOf(productLines);
        categories = categories == null ? List.of() : List.copyOf(categories);
        // A knowledge base written before the counts were kept has none; counts must match the categories.
        categoryCounts = categoryCounts == null || categoryCounts.size() != categories.size() ? List.of()
                : List.copyOf(categoryCounts);
    }

    public Brand(String id, String name, List<String> aliases, List<String> productLines, List<String> categories,
                 int products, String source) {
        this(id, name, aliases, productLines, categories, List.of(), products, source);
    }

    /**
     * The category most of the brand's catalog products sit in, with the share of them that do: what the brand alone
     * says about a title's category. Null when the catalog gave the brand no category.
     */
    public CategoryGuess likelyCategory() {
        if (categoryCounts.isEmpty() || products <= 0) {
            return null;
        }
        return new CategoryGuess(categories.getFirst(),
                Math.min(1.0, (double) categoryCounts.getFirst() / products));
    }

    /** The canonical name followed by every alias, without duplicates. */
    public List<String> allNames() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        names.add(name);
        names.addAll(aliases);
        return List.copyOf(names);
    }
}
