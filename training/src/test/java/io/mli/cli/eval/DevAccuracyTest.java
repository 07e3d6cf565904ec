package io.mli.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mli.cli.Engines;
import io.mli.cli.kb.KbBuildPipeline;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.io.CatalogReader;
import io.mli.common.io.CatalogRow;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accuracy on the shared dev set with a knowledge base built from the shared catalog only, as {@code mli kb build}
 * and {@code mli eval} do it. Deterministic: the same data gives the same figures. The floors below guard against
 * regressions, a little under the figures measured (docs/accuracy.md has them and the targets): new-brand
 * figures move by a point or two whenever the knowledge base changes, because the CRF is retrained.
 * Skipped, saying so, where ../shared/data is absent.
 */
class DevAccuracyTest {
    @TempDir
    static Path kbDir;
    static Path data;

    @BeforeAll
    static void build() throws Exception {
        data = Path.of(System.getProperty("mli.shared.data", "../../shared/data"));
        assumeTrue(Files.isRegularFile(data.resolve("catalog.jsonl")) && Files.isRegularFile(data.resolve("dev.jsonl")),
                "SKIPPED: no shared data at " + data.toAbsolutePath() + " (catalog.jsonl and dev.jsonl)");
        new KbBuildPipeline(data.resolve("catalog.jsonl"), kbDir, true, new PrintStream(System.out, true)).build();
    }

    private static Report evaluate(Method method) throws Exception {
        List<CatalogRow> rows = CatalogReader.readAll(data.resolve("dev.jsonl"), new ArrayList<>());
        try (Engines engines = Engines.open(kbDir)) {
            List<Outcome> outcomes = Evaluation.run(engines, rows, method, Mode.CASCADE);
            Map<String, SliceStats> slices = Evaluation.slices(outcomes);
            Report r = Report.of(method, Mode.CASCADE, data.resolve("dev.jsonl"), engines.kb().version(), outcomes,
                    slices);
            System.out.print(r.table());
            assertThat(r.calibration().ece()).as("expected calibration error").isLessThanOrEqualTo(0.06);
            return r;
        }
    }

    @Test
    void orchestrator() throws Exception {
        Report r = evaluate(Method.ORCHESTRATOR);
        Map<String, SliceStats> s = r.slices();
        // The target, met since a starter brand whose titles the catalog labels with another brand is that
        // brand (Ferrero Rocher titles are FERRERO's): 1,033 of 1,043, none to spare.
        assertThat(s.get("tops/known").accuracy()).isGreaterThanOrEqualTo(0.99);
        // Measured 92.9%: a seller's sales talk is no brand and its typos are (fourth session).
        assertThat(s.get("lazada").accuracy()).isGreaterThanOrEqualTo(0.91);
        // Measured 77.7% since a new name ends before a long last word (Sartori, not Sartori Cherrywood); 77.0% since a
        // short word opening a new name takes the next (Kon Thai); 74.8% before, 71.1-72.1% before the ninth session.
        // On 1,777 brands held out of the catalog (mli kb split, ten folds) 76.1%, 74.9% before this session.
        assertThat(s.get("tops/new").accuracy()).isGreaterThanOrEqualTo(0.75);
        // Thai and mixed Open Food Facts rows (most do not name their brand): the issue asks for 15% answered; the
        // floor leaves a row of room, as every knowledge-base change retrains the CRF.
        assertThat(s.get("off/th+mixed").coverage()).isGreaterThanOrEqualTo(0.14);
        assertThat(s.get("off/th+mixed").precision()).isGreaterThanOrEqualTo(0.6);
        // The category path of the Tops rows: measured 71.3% whole path, 87.9% top level of the 99.6% given one since
        // a brand known only from the starter gets its neighbours' category (72.1%, 88.1% of 97.6% before); 72.3% and
        // 88.3% since a known brand's category is that of its nearest products and only neighbours sharing a word
        // vote for the others' (71.0%, 87.1% before; the change was for Thai titles, whose neighbours share only
        // sizes). ECE 0.022 since the category's confidence is calibrated on the catalog like the brand's (0.076 as a
        // vote's share).
        assertThat(r.category().pathPrecision()).isGreaterThanOrEqualTo(0.67);
        assertThat(r.category().topPrecision()).isGreaterThanOrEqualTo(0.84);
        assertThat(r.category().calibration().ece()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void nerAlone() throws Exception {
        Map<String, SliceStats> s = evaluate(Method.NER).slices();
        assertThat(s.get("tops/known").accuracy()).isGreaterThanOrEqualTo(0.98); // the target; 99.0%
        assertThat(s.get("lazada").accuracy()).isGreaterThanOrEqualTo(0.90); // measured 92.0–92.9%
        // The target; measured 77.0% (76.4-77.0% since the thirteenth session; 75.7% on the ten folds).
        assertThat(s.get("tops/new").accuracy()).isGreaterThanOrEqualTo(0.75);
        assertThat(s.get("off/th+mixed").coverage()).isGreaterThanOrEqualTo(0.10);
        assertThat(s.get("off/th+mixed").precision()).isGreaterThanOrEqualTo(0.6);
    }

    /**
     * Dev titles written the ways shops and exports mess them up answer as the plain ones: with Thai promotion after
     * or before them, emoji, HTML character references, full-width letters, all in capitals. Measured: 99.4–100% of
     * the 1,911 rows keep their answer (docs/accuracy.md); before the twelfth session a Thai tag cost Lazada four.
     */
    @Test
    void messyTitlesAnswerAsThePlainOnes() throws Exception {
        List<CatalogRow> rows = CatalogReader.readAll(data.resolve("dev.jsonl"), new ArrayList<>());
        Map<String, java.util.function.UnaryOperator<String>> ways = new java.util.LinkedHashMap<>();
        ways.put("thai tag after", t -> t + " #ของแท้100% ส่งฟรี");
        ways.put("thai tag before", t -> "【ลดราคา】 " + t);
        ways.put("emoji", t -> "🔥🔥 " + t + " ✨");
        ways.put("html references", t -> t.replace("&", "&amp;").replace("'", "&#39;"));
        ways.put("full width", DevAccuracyTest::fullWidth);
        ways.put("capitals", t -> t.toUpperCase(java.util.Locale.ROOT));
        try (Engines engines = Engines.open(kbDir)) {
            List<String> plain = rows.stream().map(r -> brandKey(engines, r.title())).toList();
            for (Map.Entry<String, java.util.function.UnaryOperator<String>> way : ways.entrySet()) {
                int same = 0;
                for (int i = 0; i < rows.size(); i++) {
                    same += plain.get(i).equals(brandKey(engines, way.getValue().apply(rows.get(i).title()))) ? 1 : 0;
                }
                System.out.printf("messy titles, %s: %d of %d answer as the plain ones%n", way.getKey(), same,
                        rows.size());
                assertThat(same).as(way.getKey()).isGreaterThanOrEqualTo((int) Math.ceil(rows.size() * 0.99));
            }
        }
    }

    private static String brandKey(Engines engines, String title) {
        var brand = engines.orchestrator().infer(io.mli.common.domain.InferenceRequest.of(title),
                Method.ORCHESTRATOR, Mode.CASCADE).brand();
        return brand == null ? "" : io.mli.common.text.BrandKeys.key(brand.name());
    }

    private static String fullWidth(String title) {
        StringBuilder out = new StringBuilder(title.length());
        title.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }

    /**
     * Titles written for the project (not from the shared data): well-known brands in English, Thai, Vietnamese,
     * Indonesian, Korean and Japanese titles, titles that open with what the product is or with a promotion tag,
     * products that fit another brand ("for LG", a case for the iPhone, a glass for a Samsung A54, an Indonesian
     * "Casing HP Oppo A57"), titles that name no brand, and titles messed
     * up as shops and exports do (HTML references, Thai promotion, emoji, capitals, a brand glued to Thai words), and
     * new names whose length the catalog's way of writing tells (Bao Lai, Tide before PODS, 100PLUS no 101 PLUS).
     * 130 of 130 right (docs/accuracy.md); the misses are printed.
     */
    @Test
    void titlesOfShopsAndLanguagesTheCatalogDoesNotTeach() throws Exception {
        Path probe = Path.of(DevAccuracyTest.class.getResource("probe-titles.jsonl").toURI());
        List<CatalogRow> rows = CatalogReader.readAll(probe, new ArrayList<>());
        try (Engines engines = Engines.open(kbDir)) {
            List<Outcome> outcomes = Evaluation.run(engines, rows, Method.ORCHESTRATOR, Mode.CASCADE);
            outcomes.stream().filter(o -> !o.correct()).forEach(o -> System.out.printf(
                    "probe miss: %s -> %s (%.2f) | %s%n", o.gold(), o.predicted(), o.confidence(), o.title()));
            long right = outcomes.stream().filter(Outcome::correct).count();
            assertThat(outcomes).hasSize(130);
            assertThat(right).as("probe titles right").isGreaterThanOrEqualTo(124);
            // No brand where the title names none, nor where it names only what the product fits (a case for the
            // iPhone, a charger for Samsung, "iPhone 14 Pro Max", which is no PROMAX).
            assertThat(outcomes).filteredOn(o -> o.gold() == null)
                    .allSatisfy(o -> assertThat(o.predicted()).as(o.title()).isNull());
        }
    }
}
