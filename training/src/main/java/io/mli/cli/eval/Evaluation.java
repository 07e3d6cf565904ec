package io.mli.cli.eval;

import io.mli.cli.Engines;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.InferenceResult;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.io.CatalogRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs labelled rows through one method and scores them. Deterministic: same knowledge base, same figures. */
public final class Evaluation {
    private Evaluation() {
    }

    public static List<Outcome> run(Engines engines, List<CatalogRow> rows, Method method, Mode mode) {
        List<Outcome> out = new ArrayList<>(rows.size());
        for (CatalogRow row : rows) {
            long t0 = System.nanoTime();
            InferenceResult r = engines.orchestrator().infer(InferenceRequest.of(row.title()), method, mode);
            double ms = (System.nanoTime() - t0) / 1e6;
            String predicted = r.brand() == null ? null : r.brand().name();
            List<String> aliases = r.brand() == null ? List.of() : r.brand().aliases();
            double confidence = r.brand() == null ? 0 : r.brand().score();
            Map<String, Object> f = row.fields();
            Object inCatalog = f.get("brand_in_catalog");
            out.add(new Outcome(row.title(), str(f.get("source")), str(f.get("lang")),
                    inCatalog instanceof Boolean b ? b : null, row.brand(), predicted, aliases, confidence,
                    Scoring.correct(row.brand(), predicted, aliases), ms, blankToNull(row.category()),
                    r.category() == null ? null : r.category().path(),
                    r.category() == null ? 0 : r.category().confidence()));
        }
        return out;
    }

    /** Per slice (and "all"), in name order. */
    public static Map<String, SliceStats> slices(List<Outcome> outcomes) {
        Map<String, List<Outcome>> groups = new TreeMap<>();
        for (Outcome o : outcomes) {
            groups.computeIfAbsent(o.slice(), k -> new ArrayList<>()).add(o);
            if (o.slice().startsWith("off/") && !o.slice().equals("off/en")) {
                groups.computeIfAbsent("off/th+mixed", k -> new ArrayList<>()).add(o);
            }
        }
        Map<String, SliceStats> out = new TreeMap<>();
        groups.forEach((k, v) -> out.put(k, SliceStats.of(k, v)));
        out.put("all", SliceStats.of("all", outcomes));
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
