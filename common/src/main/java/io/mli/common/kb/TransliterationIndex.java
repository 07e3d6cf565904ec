package io.mli.common.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds known brands by the Thai spelling of their Latin name when the knowledge base has never seen that
 * spelling: every Latin name's {@link Transliteration} skeletons are indexed, with their one-letter deletions for
 * longer skeletons, so a Thai run matches exactly, or within one letter when the skeleton has six or more.
 * Skeletons shorter than four letters match ordinary Thai words too often (seen on real shop titles); the caller
 * may allow three for a run that stands as a word of its own ({@code ไบโอวิต} for Biovitt). Immutable and
 * thread-safe.
 */
public final class TransliterationIndex {
    /** The shortest skeleton a run inside a longer Thai compound may match by. */
    public static final int MIN_SKELETON = 4;
    /** The shortest skeleton a run standing as a word of its own may match by. */
    public static final int SHORTEST_WORD = 3;
    static final int FUZZY_FROM = 6;

    private final Map<String, List<String>> exact = new HashMap<>();
    private final Map<String, List<String>> deletions = new HashMap<>();

    public TransliterationIndex(KnowledgeBase kb) {
        for (Brand b : kb.brands()) {
            for (String name : b.allNames()) {
                if (io.mli.common.text.Script.hasThai(name)) {
                    continue;
                }
                for (String sk : Transliteration.variants(name)) {
                    if (sk.length() < SHORTEST_WORD) {
                        continue;
                    }
                    add(exact, sk, b.id());
                    if (sk.length() >= FUZZY_FROM) {
                        for (String d : deletionsOf(sk)) {
                            add(deletions, d, b.id());
                        }
                    }
                }
            }
        }
    }

    /**
     * What a Thai run sounds like: the brands whose Latin name has the same skeleton ({@code exact}), or, failing
     * that, one letter away. Empty when none.
     */
    public record Match(List<String> brandIds, boolean exact) {
        static final Match NONE = new Match(List.of(), false);
    }

    /** Brand ids whose Latin name sounds like this Thai text; empty when none (or too short to tell). */
    public List<String> match(String thai) {
        return match(thai, MIN_SKELETON).brandIds();
    }

    /** As {@link #match(String)}, allowing skeletons down to {@code minSkeleton} letters (at least three). */
    public Match match(String thai, int minSkeleton) {
        int min = Math.max(SHORTEST_WORD, minSkeleton);
        List<String> variants = Transliteration.variants(thai);
        List<String> hits = new ArrayList<>();
        for (String sk : variants) {
            if (sk.length() >= min) {
                addAll(hits, exact.getOrDefault(sk, List.of()));
            }
        }
        if (!hits.isEmpty()) {
            return new Match(hits, true);
        }
        for (String sk : variants) {
            if (sk.length() >= FUZZY_FROM) {
                addAll(hits, deletions.getOrDefault(sk, List.of()));
                for (String d : deletionsOf(sk)) {
                    addAll(hits, exact.getOrDefault(d, List.of()));
                    addAll(hits, deletions.getOrDefault(d, List.of()));
                }
            }
        }
        return hits.isEmpty() ? Match.NONE : new Match(hits, false);
    }

    private static List<String> deletionsOf(String s) {
        List<String> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.add(s.substring(0, i) + s.substring(i + 1));
        }
        return out;
    }

    private static void addAll(List<String> into, List<String> ids) {
        for (String id : ids) {
            if (!into.contains(id)) {
                into.add(id);
            }
        }
    }

    private static void add(Map<String, List<String>> map, String key, String id) {
        List<String> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(id)) {
            list.add(id);
        }
    }
}
