package io.mli.orchestrator.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic regression (pool adjacent violators): the non-decreasing step function of a raw score that best fits
 * observed right/wrong outcomes. Between steps it interpolates linearly; outside them it holds the end values.
 * Immutable; its {@link #xs} and {@link #ys} are what calibration files store.
 */
public record Isotonic(double[] xs, double[] ys, int samples) {

    public Isotonic {
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException("an isotonic map needs matching, non-empty knots");
        }
    }

    /**
     * Fits outcomes ({@code 1} right, {@code 0} wrong) to scores; {@code prior} pseudo-counts pull each step towards
     * the overall rate.
     */
    public static Isotonic fit(double[] scores, boolean[] correct, double prior) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        List<double[]> blocks = new ArrayList<>(); // {sumY, weight, minX, maxX}
        for (int k = 0; k < n; ) {
            // Equal scores form one block from the start: they must map to one probability.
            double x = scores[order[k]];
            double[] block = {0, 0, x, x};
            while (k < n && scores[order[k]] == x) {
                block[0] += correct[order[k]] ? 1 : 0;
                block[1]++;
                k++;
            }
            blocks.add(block);
            while (blocks.size() > 1) {
                double[] b = blocks.get(blocks.size() - 1);
                double[] a = blocks.get(blocks.size() - 2);
                if (a[0] / a[1] <= b[0] / b[1]) {
                    break;
                }
                a[0] += b[0];
                a[1] += b[1];
                a[3] = b[3];
                blocks.removeLast();
            }
        }
        // Tiny blocks are noise: merge neighbours (which keeps the order of the means) until each holds enough
        // samples, then pull each towards the overall rate by `prior` pseudo-samples.
        double minWeight = Math.max(10, n / 50.0);
        List<double[]> merged = new ArrayList<>();
        for (double[] b : blocks) {
            double[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && last[1] < minWeight) {
                last[0] += b[0];
                last[1] += b[1];
                last[3] = b[3];
            } else {
                merged.add(b.clone());
            }
        }
        if (merged.size() > 1 && merged.getLast()[1] < minWeight) {
            double[] tail = merged.removeLast();
            double[] last = merged.getLast();
            last[0] += tail[0];
            last[1] += tail[1];
            last[3] = tail[3];
        }
        double total = 0;
        for (double[] b : merged) {
            total += b[0];
        }
        double base = n == 0 ? 0.5 : total / n;
        double[] xs = new double[merged.size()];
        double[] ys = new double[merged.size()];
        double floor = 0;
        for (int k = 0; k < merged.size(); k++) {
            double[] b = merged.get(k);
            xs[k] = (b[2] + b[3]) / 2;
            ys[k] = Math.max(floor, (b[0] + prior * base) / (b[1] + prior));
            floor = ys[k];
        }
        return new Isotonic(xs, ys, n);
    }

    public static Isotonic identity() {
        return new Isotonic(new double[] {0, 1}, new double[] {0, 1}, 0);
    }

    public double apply(double score) {
        if (score <= xs[0]) {
            return ys[0];
        }
        if (score >= xs[xs.length - 1]) {
            return ys[ys.length - 1];
        }
        int hi = Arrays.binarySearch(xs, score);
        if (hi >= 0) {
            return ys[hi];
        }
        hi = -hi - 1;
        int lo = hi - 1;
        double t = (score - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + t * (ys[hi] - ys[lo]);
    }
}
