package io.mli.cli.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Reliability of the confidences of answered rows: equal-width bins over [0, 1], each with its mean confidence and
 * its accuracy, and the expected calibration error (the bins' |accuracy − confidence| weighted by their share).
 */
public record Calibration(List<Bin> bins, double ece, int answered) {

    public record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {
    }

    /** Over the rows with a brand answer, their confidence and whether the brand is right. */
    public static Calibration of(List<Outcome> outcomes, int binCount) {
        List<Outcome> answered = outcomes.stream().filter(Outcome::answered).toList();
        return of(answered.stream().mapToDouble(Outcome::confidence).toArray(),
                answered.stream().map(Outcome::correct).toList(), binCount);
    }

    /** Over answers given with these confidences, right or not. */
    public static Calibration of(double[] confidences, List<Boolean> right, int binCount) {
        int[] count = new int[binCount];
        double[] conf = new double[binCount];
        int[] rightIn = new int[binCount];
        int answered = confidences.length;
        for (int i = 0; i < confidences.length; i++) {
            int b = Math.min(binCount - 1, Math.max(0, (int) Math.floor(confidences[i] * binCount)));
            count[b]++;
            conf[b] += confidences[i];
            if (right.get(i)) {
                rightIn[b]++;
            }
        }
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            double mean = count[b] == 0 ? 0 : conf[b] / count[b];
            double acc = count[b] == 0 ? 0 : (double) rightIn[b] / count[b];
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, count[b], mean, acc));
            if (answered > 0) {
                ece += (double) count[b] / answered * Math.abs(acc - mean);
            }
        }
        return new Calibration(bins, ece, answered);
    }
}
