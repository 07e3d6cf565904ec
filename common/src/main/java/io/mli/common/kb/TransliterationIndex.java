package io.mli.common.kb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds known brands by the Thai spelling of their Latin name when the knowledge base has never seen that
 * spelling: every Latin name's {@link Transliteration} skeleton is indexed, with its one-letter deletions for
 * longer skeletons, so a Thai run matches exactly, or within one letter when the skeleton has six or more.
 * Skeletons shorter than four letters match ordinary Thai words too often (seen on real shop titles) and are not
 * indexed. Immutable and thread-safe.
 */
public final class TransliterationIndex {
    static final int MIN_SKELETON = 4;
    static final int FUZZY_FROM = 6;

    private final Map<String, List<String>> exact = new HashMap<>();
    private final Map<String, List<String>> deletions = new HashMap<>();

    public TransliterationIndex(KnowledgeBase kb) {
        for (Brand b : kb.brands()) {
            for (String name : b.allNames()) {
                if (io.mli.common.text.Script.hasThai(name)) {
                    continue;
                }
                String sk = Transliteration.ofLatin(name);
                if (sk.length() < MIN_SKELETON) {
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

    /** Brand ids whose Latin name sounds like this Thai text; empty when none (or too short to tell). */
    public List<String> match(String thai) {
        return matchSkeleton(Transliteration.ofThai(thai));
    }

    /** As {@link #match}, for a skeleton the caller already has ({@link Transliteration#ofThai}). */
    public List<String> matchSkeleton(String sk) {
        if (sk.length() < MIN_SKELETON) {
            return List.of();
        }
        List<String> hits = exact.get(sk);
        if (hits != null) {
            return hits;
        }
        if (sk.length() < FUZZY_FROM) {
            return List.of();
        }
        List<String> out = new ArrayList<>(deletions.getOrDefault(sk, List.of()));
        List<String> viaExact = new ArrayList<>();
        for (String d : deletionsOf(sk)) {
            for (String id : exact.getOrDefault(d, List.of())) {
                viaExact.add(id);
            }
            for (String id : deletions.getOrDefault(d, List.of())) {
                viaExact.add(id);
            }
        }
        for (String id : viaExact) {
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private static List<String> deletionsOf(String s) {
        List<String> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.add(s.substring(0, i) + s.substring(i + 1));
        }
        return out;
    }

    private static void add(Map<String, List<String>> map, String key, String id) {
        List<String> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(id)) {
            list.add(id);
        }
    }
}
