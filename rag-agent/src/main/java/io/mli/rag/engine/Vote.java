package io.mli.rag.engine;

import io.mli.common.vector.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A similarity-weighted vote of the neighbours: each neighbour votes for its value (brand id or category) with a
 * weight that falls with rank and with its score relative to the best hit, so one near-duplicate outweighs several
 * loose matches. Results are ordered by share of the total weight.
 */
record Vote(String value, double weight, double share, int voters, SearchHit best) {

    static List<Vote> tally(List<SearchHit> hits, Function<SearchHit, String> valueOf) {
        if (hits.isEmpty()) {
            return List.of();
        }
        // Weigh by the exact similarity where the store gives one (fused scores only rank), else by the score.
        boolean bySimilarity = !Double.isNaN(hits.getFirst().similarity());
        double top = Math.max(1e-9, hits.stream().mapToDouble(h -> bySimilarity ? h.similarity() : h.score())
                .max().orElse(1));
        Map<String, double[]> weights = new HashMap<>();
        Map<String, SearchHit> firstHit = new HashMap<>();
        double total = 0;
        for (int rank = 0; rank < hits.size(); rank++) {
            SearchHit h = hits.get(rank);
            String v = valueOf.apply(h);
            if (v == null || v.isBlank()) {
                continue;
            }
            double raw = bySimilarity ? h.similarity() : h.score();
            double w = Math.max(0, raw / top) / (1 + 0.25 * rank);
            double[] acc = weights.computeIfAbsent(v, k -> new double[2]);
            acc[0] += w;
            acc[1]++;
            firstHit.putIfAbsent(v, h);
            total += w;
        }
        List<Vote> out = new ArrayList<>();
        for (Map.Entry<String, double[]> e : weights.entrySet()) {
            out.add(new Vote(e.getKey(), e.getValue()[0], total == 0 ? 0 : e.getValue()[0] / total,
                    (int) e.getValue()[1], firstHit.get(e.getKey())));
        }
        out.sort(Comparator.comparingDouble(Vote::weight).reversed().thenComparing(Vote::value));
        return out;
    }
}
