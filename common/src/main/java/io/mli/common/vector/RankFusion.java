package io.mli.common.vector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion, the same formula Milvus' {@code RRFRanker} uses: a hit's fused score is the sum over the
 * ranked lists that contain it of {@code 1 / (k + rank)}, rank counted from 1. Robust to the very different scales of
 * cosine and BM25 scores, which is why hybrid search uses it in both stores.
 */
public final class RankFusion {
    /** The customary constant, also Milvus' default. */
    public static final int DEFAULT_K = 60;

    private RankFusion() {
    }

    /** How many candidates each leg of a hybrid search retrieves before fusion, for a final {@code topK}. */
    public static int legDepth(int topK) {
        return Math.max(2 * topK, 20);
    }

    /**
     * Fuses ranked lists of keys (best first) into at most {@code topK} keys with their fused scores, best first; ties
     * are broken by the order of first appearance (the first list wins), which keeps results deterministic.
     */
    public static <K> List<Map.Entry<K, Double>> fuse(List<List<K>> rankings, int k, int topK) {
        Map<K, double[]> scores = new HashMap<>();
        Map<K, Integer> firstSeen = new HashMap<>();
        int seq = 0;
        for (List<K> ranking : rankings) {
            for (int r = 0; r < ranking.size(); r++) {
                K key = ranking.get(r);
                scores.computeIfAbsent(key, x -> new double[1])[0] += 1.0 / (k + r + 1);
                if (!firstSeen.containsKey(key)) {
                    firstSeen.put(key, seq++);
                }
            }
        }
        List<Map.Entry<K, Double>> out = new ArrayList<>(scores.size());
        scores.forEach((key, s) -> out.add(Map.entry(key, s[0])));
        out.sort(Comparator.<Map.Entry<K, Double>>comparingDouble(Map.Entry::getValue).reversed()
                .thenComparing(e -> firstSeen.get(e.getKey())));
        return out.size() > topK ? new ArrayList<>(out.subList(0, topK)) : out;
    }
}
