package io.mli.cli.eval;

import java.util.List;

/**
 * One evaluated row: where it comes from, the truth, what the system said, how sure, how fast; and the category path,
 * where the row has one ({@code goldCategory}), with the system's path and its confidence.
 */
public record Outcome(String title, String source, String lang, Boolean brandInCatalog, String gold,
                      String predicted, List<String> aliases, double confidence, boolean correct, double latencyMs,
                      String goldCategory, String predictedCategory, double categoryConfidence) {

    /** A row scored on its brand only. */
    public Outcome(String title, String source, String lang, Boolean brandInCatalog, String gold, String predicted,
                   List<String> aliases, double confidence, boolean correct, double latencyMs) {
        this(title, source, lang, brandInCatalog, gold, predicted, aliases, confidence, correct, latencyMs, null, null,
                0);
    }

    public boolean answered() {
        return predicted != null;
    }

    /** The slice names the report groups by, e.g. {@code tops/known}, {@code off/th}. */
    public String slice() {
        String src = source == null ? "unknown" : source.contains("top-scrapper") ? "tops"
                : source.contains("Lazada") ? "lazada" : source.contains("GlarmTo") ? "off" : source;
        if (src.equals("tops")) {
            return "tops/" + (Boolean.FALSE.equals(brandInCatalog) ? "new" : "known");
        }
        if (src.equals("off")) {
            return "off/" + (lang == null ? "und" : lang.startsWith("und") ? "und" : lang);
        }
        return src;
    }
}
