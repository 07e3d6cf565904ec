package io.mli.cli.eval;

import io.mli.common.domain.Span;
import io.mli.common.io.CatalogRow;
import io.mli.common.kb.Gazetteer;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.text.BrandKeys;
import io.mli.ner.engine.DistantSupervision;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled titles with their brand cut out: titles that name no brand, as a marketplace has many of, made from titles
 * that did ({@code Nivea Soft Cream 100ml.} → {@code Soft Cream 100ml.}). The calibration learns abstaining from them;
 * {@code mli eval --without-brand} measures how often a method invents a brand on them.
 */
public final class Unbranded {
    private Unbranded() {
    }

    /** The title with the row's brand cut out, or null when the brand cannot be found or would remain. */
    public static String title(CatalogRow r, KnowledgeBase kb) {
        if (!r.hasBrand()) {
            return null;
        }
        Span s = DistantSupervision.locateBrand(r, kb);
        if (s == null) {
            s = Gazetteer.locate(r.title(), BrandKeys.key(r.brand()));
        }
        if (s == null) {
            return null;
        }
        String t = (r.title().substring(0, s.start()) + " " + r.title().substring(s.end())).strip()
                .replaceAll("\\s+", " ").replaceFirst("^[\\p{Punct}\\s]+", "");
        if (t.isBlank() || BrandKeys.key(t).contains(BrandKeys.key(r.brand()))) {
            return null;
        }
        return t;
    }

    /** The rows whose brand could be cut out, each as its cut title with no brand (its other fields kept). */
    public static List<CatalogRow> rows(List<CatalogRow> rows, KnowledgeBase kb) {
        List<CatalogRow> out = new ArrayList<>();
        for (CatalogRow r : rows) {
            String t = title(r, kb);
            if (t != null) {
                out.add(new CatalogRow(r.line(), t, null, r.category(), r.fields()));
            }
        }
        return out;
    }
}
