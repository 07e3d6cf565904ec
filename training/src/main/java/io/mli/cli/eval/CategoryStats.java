package io.mli.cli.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How well the category is found, over the rows that have a category path ({@code Beverages /// Tea /// Tea
 * Leaves}): how many get one (coverage), how many of those are the whole path and how many the top level
 * (precision when answering), and how well the path's confidence is calibrated.
 */
public record CategoryStats(int rows, int answered, int rightPath, int rightTop, Calibration calibration) {

    /** Null when no row has a category path. */
    public static CategoryStats of(List<Outcome> outcomes) {
        List<Outcome> withPath = outcomes.stream().filter(o -> o.goldCategory() != null).toList();
        if (withPath.isEmpty()) {
            return null;
        }
        int answered = 0;
        int rightPath = 0;
        int rightTop = 0;
        List<Double> confidences = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (Outcome o : withPath) {
            if (o.predictedCategory() == null) {
                continue;
            }
            answered++;
            List<String> gold = levels(o.goldCategory());
            List<String> got = levels(o.predictedCategory());
            boolean path = gold.equals(got);
            rightPath += path ? 1 : 0;
            rightTop += !gold.isEmpty() && !got.isEmpty() && gold.getFirst().equals(got.getFirst()) ? 1 : 0;
            confidences.add(o.categoryConfidence());
            right.add(path);
        }
        return new CategoryStats(withPath.size(), answered, rightPath, rightTop,
                Calibration.of(confidences.stream().mapToDouble(Double::doubleValue).toArray(), right, 10));
    }

    /** Whether two category paths are the same, as the evaluation compares them (levels, case and spacing aside). */
    public static boolean samePath(String a, String b) {
        return a != null && b != null && levels(a).equals(levels(b));
    }

    /** The path's levels, trimmed and lower-cased: {@code Beverages /// Tea} and {@code beverages///tea} are one. */
    static List<String> levels(String path) {
        return Arrays.stream(path.split("///|>"))
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public double coverage() {
        return rows == 0 ? 0 : (double) answered / rows;
    }

    /** Share of the answered rows whose whole path is right. */
    public double pathPrecision() {
        return answered == 0 ? 0 : (double) rightPath / answered;
    }

    /** Share of the answered rows whose top level is right. */
    public double topPrecision() {
        return answered == 0 ? 0 : (double) rightTop / answered;
    }
}
