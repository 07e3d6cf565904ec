package io.mli.cli.infer;

import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.InferenceResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an inference result into the output row of {@code mli infer}: the input's own fields, then {@code brand}
 * (canonical name or null), {@code brand_id}, {@code aliases}, {@code confidence}, {@code category} with
 * {@code category_confidence}, {@code method}, {@code evidence} (spans and sources), and {@code abstain_reason} when
 * there is no brand.
 */
public final class ResultRows {
    private ResultRows() {
    }

    public static Map<String, Object> row(Map<String, Object> input, InferenceResult r) {
        Map<String, Object> out = new LinkedHashMap<>(input);
        BrandGuess b = r.brand();
        out.put("brand", b == null ? null : b.name());
        out.put("brand_id", b == null ? null : b.id());
        out.put("aliases", b == null ? List.of() : b.aliases());
        out.put("confidence", b == null ? 0.0 : round(b.score()));
        out.put("category", r.category() == null ? null : r.category().path());
        out.put("category_confidence", r.category() == null ? 0.0 : round(r.category().confidence()));
        out.put("method", r.method().wire());
        out.put("evidence", evidence(r));
        if (b == null) {
            out.put("abstain_reason", r.abstainReason());
        }
        return out;
    }

    public static Map<String, Object> error(Map<String, Object> input, long line, String message) {
        Map<String, Object> out = new LinkedHashMap<>(input);
        out.put("line", line);
        out.put("brand", null);
        out.put("error", message);
        return out;
    }

    private static List<Map<String, Object>> evidence(InferenceResult r) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (r.brand() != null) {
            for (Evidence e : r.brand().evidence()) {
                out.add(evidenceRow(e));
            }
        }
        for (AgentAnswer a : r.agentResults()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agent", a.agent());
            m.put("status", a.status().wire());
            if (a.brand() != null) {
                m.put("brand", a.brand().name());
                m.put("score", round(a.brand().score()));
            }
            if (a.detail() != null) {
                m.put("detail", a.detail());
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> evidenceRow(Evidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", e.source());
        if (e.span() != null) {
            m.put("start", e.span().start());
            m.put("end", e.span().end());
            m.put("text", e.span().text());
        }
        if (e.detail() != null) {
            m.put("detail", e.detail());
        }
        m.put("score", round(e.score()));
        return m;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
