package io.mli.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's figures on a tiny hand-checked set of outcomes. */
class ReportTest {
    private static Outcome o(String source, Boolean known, String gold, String predicted, double conf) {
        return new Outcome("t", source, "en", known, gold, predicted, List.of(), conf,
                Scoring.correct(gold, predicted, List.of()), 1.0);
    }

    private final List<Outcome> outcomes = List.of(
            o("ravi-dholaria/top-scrapper", true, "NIVEA", "Nivea", 0.95),   // right
            o("ravi-dholaria/top-scrapper", true, "LAY'S", "Lays", 0.85),    // right (matching rule)
            o("ravi-dholaria/top-scrapper", false, "3 HORSES", "3", 0.55),   // wrong
            o("ravi-dholaria/top-scrapper", false, "AMBULANCE", null, 0.0),  // abstained on a brand: wrong
            o("Graceiscoming/GlarmTo", null, "Pringles", null, 0.0));        // abstained: wrong (row has a brand)

    @Test
    void slicesCountRightAnsweredAndPrecision() {
        var s = Evaluation.slices(outcomes);
        assertThat(s.get("tops/known").accuracy()).isEqualTo(1.0);
        assertThat(s.get("tops/new").rows()).isEqualTo(2);
        assertThat(s.get("tops/new").coverage()).isEqualTo(0.5);
        assertThat(s.get("tops/new").precision()).isEqualTo(0.0);
        assertThat(s.get("all").right()).isEqualTo(2);
        assertThat(s.get("all").answered()).isEqualTo(3);
        assertThat(s.get("all").precision()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void expectedCalibrationErrorWeighsBinsByTheirShare() {
        Calibration c = Calibration.of(outcomes, 10);
        // bins: 0.9 (1 row, right, conf .95), 0.8 (1, right, .85), 0.5 (1, wrong, .55)
        double expected = (Math.abs(1 - 0.95) + Math.abs(1 - 0.85) + Math.abs(0 - 0.55)) / 3;
        assertThat(c.ece()).isCloseTo(expected, within(1e-9));
        assertThat(c.answered()).isEqualTo(3);
    }

    @Test
    void writesJsonHtmlAndCharts(@TempDir Path dir) throws Exception {
        Report r = Report.of(Method.NER, Mode.CASCADE, Path.of("dev.jsonl"), "kb-test", outcomes,
                Evaluation.slices(outcomes));
        r.write(dir);
        assertThat(Files.readString(dir.resolve("report.json"))).contains("\"tops/new\"", "\"ece\"");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<img src=\"reliability.png\">", "3 HORSES");
        assertThat(Files.size(dir.resolve("reliability.png"))).isPositive();
        assertThat(r.confusions()).extracting(Report.Confusion::gold).contains("3 HORSES", "AMBULANCE");
    }

    private static Outcome withCategory(String gold, String predicted, double conf) {
        return new Outcome("t", "ravi-dholaria/top-scrapper", "en", true, "NIVEA", "Nivea", List.of(), 0.9, true, 1.0,
                gold, predicted, conf);
    }

    @Test
    void categoryFiguresCountThePathAndItsTopLevelOverTheRowsThatHaveOne() {
        List<Outcome> rows = List.of(
                withCategory("Beverages /// Tea /// Tea Leaves", "beverages///tea///tea leaves", 0.9), // whole path
                withCategory("Beverages /// Tea /// Tea Leaves", "Beverages /// Coffee", 0.6),          // top level
                withCategory("Snacks /// Chips", "Beverages /// Tea", 0.3),                             // wrong
                withCategory("Snacks /// Chips", null, 0),                                              // none given
                o("Graceiscoming/GlarmTo", null, "Pringles", null, 0.0));                               // no path
        CategoryStats c = CategoryStats.of(rows);
        assertThat(c.rows()).isEqualTo(4);
        assertThat(c.answered()).isEqualTo(3);
        assertThat(c.coverage()).isEqualTo(0.75);
        assertThat(c.pathPrecision()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(c.topPrecision()).isCloseTo(2.0 / 3, within(1e-9));
        // Bins 0.9 (right), 0.6 (wrong), 0.3 (wrong).
        assertThat(c.calibration().ece()).isCloseTo((0.1 + 0.6 + 0.3) / 3, within(1e-9));
        assertThat(CategoryStats.of(outcomes)).as("no row has a path").isNull();
        Report r = Report.of(Method.ORCHESTRATOR, Mode.CASCADE, Path.of("dev.jsonl"), "kb-test", rows,
                Evaluation.slices(rows));
        assertThat(r.table()).contains("category: 4 rows with a path, 75.0% given one", "whole path right 33.3%",
                "top level right 66.7%");
    }

    @Test
    void scoringFollowsTheMatchingRuleAndAliases() {
        assertThat(Scoring.correct("Dr.Althea", "DR ALTHEA", List.of())).isTrue();
        assertThat(Scoring.correct("อิชิตัน", "Ichitan", List.of("Ichitan", "อิชิตัน"))).isTrue();
        assertThat(Scoring.correct(null, null, List.of())).isTrue();
        assertThat(Scoring.correct(null, "Nivea", List.of())).isFalse();
        assertThat(Scoring.correct("Nivea", null, List.of())).isFalse();
    }
}
