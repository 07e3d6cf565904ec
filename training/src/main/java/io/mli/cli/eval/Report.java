package io.mli.cli.eval;

import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An evaluation report: figures per slice, calibration, the worst confusions with their titles, latency
 * percentiles; printed as a table and written as {@code report.json} and {@code report.html} with XChart charts.
 */
public record Report(String method, String mode, String data, String kbVersion, Map<String, SliceStats> slices,
                     Calibration calibration, CategoryStats category, List<Confusion> confusions,
                     Map<String, Double> latencyMs, List<Outcome> outcomes) {

    /** A wrong answer that happened {@code count} times, with example titles. */
    public record Confusion(String gold, String predicted, int count, List<String> titles) {
    }

    public static Report of(Method m, Mode md, Path data, String kbVersion, List<Outcome> outcomes,
                            Map<String, SliceStats> slices) {
        Map<String, Confusion> conf = new HashMap<>();
        for (Outcome o : outcomes) {
            if (o.correct()) {
                continue;
            }
            String k = o.gold() + "\u0000" + o.predicted();
            Confusion c = conf.get(k);
            List<String> titles = c == null ? new ArrayList<>() : new ArrayList<>(c.titles());
            if (titles.size() < 3) {
                titles.add(o.title());
            }
            conf.put(k, new Confusion(o.gold(), o.predicted(), c == null ? 1 : c.count() + 1, titles));
        }
        List<Confusion> worst = conf.values().stream()
                .sorted(Comparator.comparingInt(Confusion::count).reversed()
                        .thenComparing(c -> String.valueOf(c.gold())))
                .limit(30).toList();
        double[] lat = outcomes.stream().mapToDouble(Outcome::latencyMs).sorted().toArray();
        Map<String, Double> latency = new LinkedHashMap<>();
        latency.put("p50", percentile(lat, 0.50));
        latency.put("p90", percentile(lat, 0.90));
        latency.put("p99", percentile(lat, 0.99));
        latency.put("max", lat.length == 0 ? 0 : lat[lat.length - 1]);
        return new Report(m.wire(), md.wire(), data.toString(), kbVersion, slices, Calibration.of(outcomes, 10),
                CategoryStats.of(outcomes), worst, latency, outcomes);
    }

    /** The q-quantile (nearest rank) of ascending values; 0 for none. */
    public static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "method=%s mode=%s kb=%s%n", method, mode, kbVersion));
        sb.append(String.format(Locale.ROOT, "%-16s %6s %9s %9s %10s%n", "slice", "rows", "accuracy", "coverage",
                "precision"));
        for (SliceStats s : slices.values()) {
            sb.append(String.format(Locale.ROOT, "%-16s %6d %8.1f%% %8.1f%% %9.1f%%%n", s.name(), s.rows(),
                    100 * s.accuracy(), 100 * s.coverage(), 100 * s.precision()));
        }
        sb.append(String.format(Locale.ROOT, "ECE %.4f over %d answered rows; latency ms p50 %.3f p90 %.3f p99 %.3f%n",
                calibration.ece(), calibration.answered(), latencyMs.get("p50"), latencyMs.get("p90"),
                latencyMs.get("p99")));
        if (category != null) {
            sb.append(categoryLine()).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private String categoryLine() {
        return String.format(Locale.ROOT, "category: %d rows with a path, %.1f%% given one; of those, whole path "
                        + "right %.1f%%, top level right %.1f%%; ECE %.4f", category.rows(), 100 * category.coverage(),
                100 * category.pathPrecision(), 100 * category.topPrecision(), category.calibration().ece());
    }

    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", method);
        json.put("mode", mode);
        json.put("data", data);
        json.put("kb_version", kbVersion);
        Map<String, Object> s = new LinkedHashMap<>();
        slices.forEach((k, v) -> s.put(k, Map.of("rows", v.rows(), "right", v.right(), "answered", v.answered(),
                "accuracy", v.accuracy(), "coverage", v.coverage(), "precision", v.precision())));
        json.put("slices", s);
        json.put("calibration", calibration);
        if (category != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("rows", category.rows());
            c.put("answered", category.answered());
            c.put("coverage", category.coverage());
            c.put("path_precision", category.pathPrecision());
            c.put("top_level_precision", category.topPrecision());
            c.put("calibration", category.calibration());
            json.put("category", c);
        }
        json.put("latency_ms", latencyMs);
        json.put("confusions", confusions);
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("report.json").toFile(), json);
        BitmapEncoder.saveBitmap(reliabilityChart(), dir.resolve("reliability").toString(),
                BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(sliceChart(), dir.resolve("slices").toString(), BitmapEncoder.BitmapFormat.PNG);
        BitmapEncoder.saveBitmap(latencyChart(), dir.resolve("latency").toString(), BitmapEncoder.BitmapFormat.PNG);
        Files.writeString(dir.resolve("report.html"), html());
    }

    XYChart reliabilityChart() {
        XYChart c = new XYChartBuilder().width(560).height(460).title("Reliability (ECE "
                + String.format(Locale.ROOT, "%.3f", calibration.ece()) + ")").xAxisTitle("confidence")
                .yAxisTitle("accuracy").build();
        c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        c.addSeries("ideal", new double[] {0, 1}, new double[] {0, 1}).setMarker(SeriesMarkers.NONE);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Calibration.Bin b : calibration.bins()) {
            if (b.count() > 0) {
                x.add(b.meanConfidence());
                y.add(b.accuracy());
            }
        }
        if (!x.isEmpty()) {
            c.addSeries("observed", x, y);
        }
        return c;
    }

    CategoryChart sliceChart() {
        CategoryChart c = new CategoryChartBuilder().width(760).height(420).title("Per slice")
                .xAxisTitle("slice").yAxisTitle("%").build();
        c.getStyler().setYAxisMax(100.0).setYAxisMin(0.0).setXAxisLabelRotation(30);
        List<String> names = new ArrayList<>(slices.keySet());
        c.addSeries("accuracy", names, slices.values().stream().map(v -> 100 * v.accuracy()).toList());
        c.addSeries("precision", names, slices.values().stream().map(v -> 100 * v.precision()).toList());
        c.addSeries("coverage", names, slices.values().stream().map(v -> 100 * v.coverage()).toList());
        return c;
    }

    CategoryChart latencyChart() {
        CategoryChart c = new CategoryChartBuilder().width(560).height(380).title("Latency per title")
                .xAxisTitle("percentile").yAxisTitle("ms").build();
        c.addSeries("ms", new ArrayList<>(latencyMs.keySet()), new ArrayList<>(latencyMs.values()));
        return c;
    }

    String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>mli eval</title><style>"
                + "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child{text-align:left}"
                + "</style></head><body>");
        sb.append("<h1>Evaluation: ").append(esc(method)).append(" (").append(esc(mode)).append(")</h1>");
        sb.append("<p>data ").append(esc(data)).append(", knowledge base ").append(esc(kbVersion)).append("</p>");
        sb.append("<table><tr><th>slice</th><th>rows</th><th>accuracy</th><th>coverage</th><th>precision</th></tr>");
        for (SliceStats s : slices.values()) {
            sb.append(String.format(Locale.ROOT,
                    "<tr><td>%s</td><td>%d</td><td>%.1f%%</td><td>%.1f%%</td><td>%.1f%%</td></tr>", esc(s.name()),
                    s.rows(), 100 * s.accuracy(), 100 * s.coverage(), 100 * s.precision()));
        }
        sb.append("</table>");
        sb.append(String.format(Locale.ROOT, "<p>Expected calibration error %.4f over %d answered rows. "
                        + "Latency p50 %.3f ms, p90 %.3f ms, p99 %.3f ms.</p>", calibration.ece(),
                calibration.answered(), latencyMs.get("p50"), latencyMs.get("p90"), latencyMs.get("p99")));
        if (category != null) {
            sb.append("<p>").append(esc(categoryLine())).append(".</p>");
        }
        sb.append("<img src=\"slices.png\"> <img src=\"reliability.png\"> <img src=\"latency.png\">");
        sb.append("<h2>Worst confusions</h2><table><tr><th>truth</th><th>answer</th><th>count</th>"
                + "<th>titles</th></tr>");
        for (Confusion c : confusions) {
            sb.append("<tr><td>").append(esc(c.gold())).append("</td><td>").append(esc(String.valueOf(c.predicted())))
                    .append("</td><td>").append(c.count()).append("</td><td style=\"text-align:left\">")
                    .append(esc(String.join(" | ", c.titles()))).append("</td></tr>");
        }
        sb.append("</table></body></html>\n");
        return sb.toString();
    }

    private static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
