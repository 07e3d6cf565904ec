package io.mli.ner.engine;

import io.mli.common.kb.AliasEntry;
import io.mli.common.kb.AliasKind;
import io.mli.common.kb.Brand;
import io.mli.common.kb.Fuzzy;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.text.BrandKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names the brand of a span the CRF found: the knowledge-base brand whose name or alias has the span's key, else
 * one whose key is a near-spelling of it (a misspelt {@code Cornich} for {@code CORNICHE}), else none: a new brand.
 * Near-spellings keep the key's digits ({@link io.mli.common.kb.Fuzzy#sameDigits}: {@code 100PLUS} is no 101 PLUS),
 * and are searched among keys with the same first letter and a close length only, which keeps the search to a few
 * dozen comparisons.
 */
final class BrandResolver {
    private final KnowledgeBase kb;
    private final Map<Character, List<AliasEntry>> byInitial = new HashMap<>();

    BrandResolver(KnowledgeBase kb) {
        this.kb = kb;
        for (AliasEntry a : kb.allAliases()) {
            if (a.kind() == AliasKind.NAME && a.key().length() >= 5) {
                byInitial.computeIfAbsent(a.key().charAt(0), c -> new ArrayList<>()).add(a);
            }
        }
    }

    record Resolution(Brand brand, String how) {
    }

    Resolution resolve(String spanText) {
        String key = BrandKeys.key(spanText);
        if (key.isEmpty()) {
            return new Resolution(null, "none");
        }
        AliasEntry exact = mostReliableName(key, spanText);
        if (exact != null) {
            return new Resolution(kb.byId(exact.brandId()).orElseThrow(), "exact");
        }
        if (key.length() >= 5 && key.endsWith("s")) {
            // Johnsons, Mackays, Kelloggs: a brand's name with the possessive s the title wrote without its apostrophe.
            AliasEntry possessive = mostReliableName(key.substring(0, key.length() - 1), spanText);
            if (possessive != null) {
                return new Resolution(kb.byId(possessive.brandId()).orElseThrow(), "exact");
            }
        }
        int allowed = Math.max(Fuzzy.allowedEdits(key.length()), key.length() >= 5 ? 1 : 0);
        if (allowed == 0) {
            return new Resolution(null, "none");
        }
        AliasEntry best = null;
        int bestDistance = allowed + 1;
        for (AliasEntry a : byInitial.getOrDefault(key.charAt(0), List.of())) {
            if (Math.abs(a.key().length() - key.length()) > allowed) {
                continue;
            }
            int products = kb.byId(a.brandId()).map(io.mli.common.kb.Brand::products).orElse(0);
            int limit = Math.min(allowed, Math.min(Fuzzy.allowedEdits(key.length(), products),
                    Fuzzy.allowedEdits(a.key().length(), products)));
            int d = Fuzzy.distance(key, a.key(), limit);
            if (d <= limit && d < bestDistance && Fuzzy.sameDigits(key, a.key())) {
                bestDistance = d;
                best = a;
            }
        }
        return best == null ? new Resolution(null, "none")
                : new Resolution(kb.byId(best.brandId()).orElseThrow(), "fuzzy");
    }

    /**
     * The name (not product line) with exactly this key that most reliably names its brand, or null. Initials that
     * a name joins with an ampersand must be written with it ({@code SP} is no S&P: {@link
     * io.mli.common.kb.Gazetteer#initialsWrittenApart}).
     */
    private AliasEntry mostReliableName(String key, String written) {
        return kb.gazetteer().lookup(key).stream()
                .filter(a -> a.kind() == AliasKind.NAME && !io.mli.common.kb.Gazetteer.initialsWrittenApart(a, written))
                .max(java.util.Comparator.comparingDouble(AliasEntry::precision))
                .orElse(null);
    }
}
