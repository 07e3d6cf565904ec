package io.mli.orchestrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

    @Test
    void isotonicRecoversAKnownMonotoneProbability() {
        // Scores uniform in [0, 1]; the truth is right with probability score^2.
        Random rnd = new Random(42);
        int n = 20_000;
        double[] x = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble();
            y[i] = rnd.nextDouble() < x[i] * x[i];
        }
        Isotonic iso = Isotonic.fit(x, y, 2);
        for (double s : new double[] {0.2, 0.5, 0.7, 0.9}) {
            assertThat(iso.apply(s)).isCloseTo(s * s, within(0.05));
        }
        for (int i = 1; i < iso.ys().length; i++) {
            assertThat(iso.ys()[i]).isGreaterThanOrEqualTo(iso.ys()[i - 1]);
        }
    }

    @Test
    void equalScoresGetOneProbability() {
        double[] x = new double[40];
        boolean[] y = new boolean[40];
        for (int i = 0; i < 40; i++) {
            x[i] = i < 20 ? 0.5 : 0.9;
            y[i] = i < 20 ? i % 2 == 0 : true;
        }
        Isotonic iso = Isotonic.fit(x, y, 0);
        assertThat(iso.apply(0.5)).isEqualTo(0.5);
        assertThat(iso.apply(0.9)).isEqualTo(1.0);
        assertThat(iso.xs()).hasSize(2);
    }

    @Test
    void rareKindsFallBackToTheirParent() {
        List<Calibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            samples.add(new Calibration.Sample("ner.known_start.agree", 0.9, i % 10 != 0)); // 90% right
        }
        for (int i = 0; i < 5; i++) {
            samples.add(new Calibration.Sample("ner.new.none", 0.9, false)); // too few to trust alone
        }
        Calibration c = Calibration.fit(samples, Map.of());
        assertThat(c.probability("ner.known_start.agree", 0.9)).isCloseTo(0.9, within(0.02));
        // ner.new.none has 5 samples: its parent "ner" (205 samples, ~88% right) answers instead.
        assertThat(c.probability("ner.new.none", 0.9)).isCloseTo(180.0 / 205, within(0.03));
        assertThat(Calibration.identity().probability("anything", 0.42)).isEqualTo(0.42);
        // A Thai sound-alike cannot occur in a catalog without Thai: its measured score passes through instead of
        // borrowing the map of NER answers in general.
        assertThat(c.probability("ner.translit.none", 0.8)).isEqualTo(0.8);
        assertThat(c.probability("solo.ner.translit", 0.8)).isEqualTo(0.8);
        // Nor can Latin initials spelt in Thai.
        assertThat(c.probability("ner.initials.none", 0.9)).isEqualTo(0.9);
        assertThat(c.probability("ner.translit_weak.none", 0.5)).isEqualTo(c.probability("ner", 0.5));
    }

    @Test
    void savesAndLoads(@TempDir Path dir) throws Exception {
        Calibration c = Calibration.fit(List.of(new Calibration.Sample("rag.named", 0.7, true),
                new Calibration.Sample("rag.named", 0.3, false)), Map.of("probes", 2));
        c.save(dir.resolve("calibration.json"));
        Calibration back = Calibration.load(dir.resolve("calibration.json"));
        assertThat(back.probability("rag.named", 0.7)).isEqualTo(c.probability("rag.named", 0.7));
        assertThat(Calibration.load(dir.resolve("missing.json")).fitted()).isFalse();
    }

    @Test
    void theCategoryHasMapsOfItsOwnApartFromTheBrands() {
        List<Calibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            samples.add(new Calibration.Sample("ner.known_start.agree", 0.6, true)); // every brand right
            samples.add(new Calibration.Sample("category.brand", 1.0, i % 10 < 7)); // a share of 1.0, 70% right
        }
        Calibration c = Calibration.fit(samples, Map.of());
        assertThat(c.probability("category.brand", 1.0)).isCloseTo(0.7, within(0.01));
        // The brand's maps do not learn from the category's samples, nor the category fall back to the brand's.
        assertThat(c.probability("ner.known_start.agree", 0.6)).isEqualTo(1.0);
        assertThat(c.probability("all", 0.6)).isEqualTo(1.0);
        // A category kind without samples of its own falls back to the category's root map, not to "all".
        assertThat(c.probability("category.neighbours", 0.6)).isCloseTo(0.7, within(0.01));
        assertThat(Calibration.fit(List.of(new Calibration.Sample("ner.new", 0.5, true)), Map.of())
                .probability("category.brand", 0.4)).isEqualTo(0.4);
        Aggregator a = new Aggregator(c);
        assertThat(a.calibrated(new OrchestratorEngine.ChosenCategory(
                new io.mli.common.domain.CategoryGuess("Beverages", 1.0), "category.brand")).confidence())
                .isCloseTo(0.7, within(0.01));
    }
}
