package io.mli.orchestrator.engine;

import io.mli.common.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps an answer's raw score to the probability that it is right, per kind of answer (which agent answered, how
 * the brand was found, whether retrieval agreed): one isotonic map per kind, fitted on a held-out part of the
 * catalog, never on evaluation data. A kind seen too rarely falls back to its parent ({@code ner.new.one.agree} →
 * {@code ner.new.one} → {@code ner.new} → {@code ner} → {@code all}). Without a fitted calibration, scores pass
 * through unchanged.
 *
 * <p>Two kinds of evidence cannot occur in a catalog without Thai titles: a Thai word that sounds like a Latin brand
 * ({@code translit}), and Latin initials spelt in Thai opening the title ({@code initials}). Their scores are already
 * measured shares right (from hand-checked samples of unlabelled Thai titles), and unless a catalog with Thai titles
 * fits maps for them, they pass through rather than borrowing the map of NER answers in general, whose evidence is of
 * another sort.
 *
 * <p>The category's confidence has maps of its own, {@value #CATEGORY}{@code .brand} (the answer's brand's own
 * products voted) and {@value #CATEGORY}{@code .neighbours} (the title's neighbours did), under {@value #CATEGORY}: a
 * vote's share is no probability (three nearest products in one category say 1.0, and are right 88% of the time),
 * and these never fall back to the brand's maps, nor those to these.
 */
public record Calibration(Map<String, Isotonic> maps, Map<String, Object> facts) {
    static final int MIN_SAMPLES = 40;
    /** The root of the category's kinds. */
    public static final String CATEGORY = "category";

    public Calibration {
        maps = Map.copyOf(maps);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }

    public static Calibration identity() {
        return new Calibration(Map.of(), Map.of("fitted", false));
    }

    public boolean fitted() {
        return !maps.isEmpty();
    }

    /** The calibrated probability for a raw score of the given kind. */
    public double probability(String kind, double raw) {
        if (maps.isEmpty()) {
            return raw;
        }
        for (String k = kind; k != null; k = parent(k)) {
            Isotonic iso = maps.get(k);
            if (iso != null && iso.samples() >= MIN_SAMPLES) {
                return iso.apply(raw);
            }
            if (k.endsWith(".translit") || k.endsWith(".initials")) {
                return raw;
            }
        }
        if (isCategory(kind)) {
            return raw;
        }
        Isotonic all = maps.get("all");
        return all == null ? raw : all.apply(raw);
    }

    static String parent(String kind) {
        if (kind.equals("all") || kind.equals(CATEGORY)) {
            return null;
        }
        int dot = kind.lastIndexOf('.');
        return dot < 0 ? "all" : kind.substring(0, dot);
    }

    static boolean isCategory(String kind) {
        return kind.equals(CATEGORY) || kind.startsWith(CATEGORY + ".");
    }

    /** Fits one map per kind and per parent kind from (kind, raw score, right) samples. */
    public static Calibration fit(java.util.List<Sample> samples, Map<String, Object> facts) {
        Map<String, java.util.List<Sample>> groups = new LinkedHashMap<>();
        for (Sample s : samples) {
            for (String k = s.kind(); k != null; k = parent(k)) {
                groups.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(s);
            }
        }
        Map<String, Isotonic> maps = new LinkedHashMap<>();
        groups.forEach((k, list) -> {
            double[] x = new double[list.size()];
            boolean[] y = new boolean[list.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = list.get(i).raw();
                y[i] = list.get(i).correct();
            }
            maps.put(k, Isotonic.fit(x, y, 2));
        });
        Map<String, Object> f = new LinkedHashMap<>(facts);
        f.put("fitted", true);
        f.put("samples", samples.size());
        return new Calibration(maps, f);
    }

    /** One calibration observation. */
    public record Sample(String kind, double raw, boolean correct) {
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    }

    public static Calibration load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return identity();
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), Calibration.class);
        } catch (RuntimeException e) {
            throw new IOException("cannot read calibration " + file + ": " + e.getMessage(), e);
        }
    }
}
