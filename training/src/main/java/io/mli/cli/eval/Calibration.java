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

    public static Calibration of(List<Outcome> outcomes, int binCount) {
        int[] count = new int[binCount];
        double[] conf = new double[binCount];
        int[] right = new int[binCount];
        int answered = 0;
        for (Outcome o : outcomes) {
            if (!o.answered()) {
                continue;
            }
            answered++;
            int b = Math.min(binCount - 1, (int) Math.floor(o.confidence() * binCount));
            count[b]++;
            conf[b] += o.confidence();
            if (o.correct()) {
                right[b]++;
            }
        }
        List<Bin> bins = new ArrayList<>();
        double ece = 0;
        for (int b = 0; b < binCount; b++) {
            double mean = count[b] == 0 ? 0 : conf[b] / count[b];
            double acc = count[b] == 0 ? 0 : (double) right[b] / count[b];
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, count[b], mean, acc));
            if (answered > 0) {
                ece += (double) count[b] / answered * Math.abs(acc - mean);
            }
        }
        return new Calibration(bins, ece, answered);
    }
}
