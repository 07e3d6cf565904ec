package io.mli.ner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.CategoryGuess;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.io.CatalogRow;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrandCategoriesTest {
    private static final String CEREAL = "Food /// Breakfast /// Cereals";
    private static final String COFFEE = "Beverages /// Coffee /// Instant Coffee";
    private static final String SAUCE = "Pantry /// Sauces /// Soy Sauce";

    private static CatalogRow row(long line, String title, String brand, String category) {
        return new CatalogRow(line, title, brand, category, Map.of("title", title));
    }

    /** Nestle in two categories (coffee the commoner), Kikkoman in one. */
    private static List<CatalogRow> rows() {
        List<CatalogRow> rows = new ArrayList<>();
        long n = 1;
        for (String t : List.of("Nescafe Red Cup Instant Coffee 200g.", "Nescafe Gold Instant Coffee 100g.",
                "Nescafe Espresso Instant Coffee 50g.", "Nescafe Latte Coffee Mix 10 sticks")) {
            rows.add(row(n++, "Nestle " + t, "NESTLE", COFFEE));
        }
        for (String t : List.of("Koko Krunch Breakfast Cereal 330g.", "Honey Stars Breakfast Cereal 300g.")) {
            rows.add(row(n++, "Nestle " + t, "NESTLE", CEREAL));
        }
        for (String t : List.of("Soy Sauce 150ml.", "Less Salt Soy Sauce 1l.", "Sushi Soy Sauce 250ml.")) {
            rows.add(row(n++, "Kikkoman " + t, "KIKKOMAN", SAUCE));
        }
        return rows;
    }

    private final KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows()).starter(false).build();
    private final BrandCategories categories = BrandCategories.of(rows(), kb);

    @Test
    void aTitleGetsTheCategoryOfTheBrandsProductsMostLikeIt() {
        // The commoner category of Nestle is coffee; this title is like its cereals.
        assertThat(kb.byId("nestle").orElseThrow().likelyCategory().path()).isEqualTo(COFFEE);
        CategoryGuess cereal = categories.of("nestle", "Nestle Koko Krunch Duo Breakfast Cereal 170g.");
        assertThat(cereal.path()).isEqualTo(CEREAL);
        assertThat(cereal.confidence()).isBetween(0.5, 1.0);
        assertThat(categories.of("nestle", "Nestle Gold Crema Instant Coffee 200g.").path()).isEqualTo(COFFEE);
    }

    @Test
    void aBrandWithOneCategoryKeepsItAtTheRuleOfSuccession() {
        CategoryGuess g = categories.of("kikkoman", "Kikkoman Teriyaki Marinade 250ml.");
        assertThat(g.path()).isEqualTo(SAUCE);
        assertThat(g.confidence()).isCloseTo(4.0 / 5.0, within(1e-9)); // three products: (3 + 1) / (3 + 2)
    }

    @Test
    void aTitleNoMoreLikeOneProductThanAnotherGetsNoNearestCategory() {
        // Only the brand's name, or a spelling the catalog never wrote: no product is nearer than another.
        assertThat(categories.of("nestle", "Nestle")).isNull();
        assertThat(categories.of("nestle", "เนสท์เล่ 200 กรัม")).isNull();
    }

    @Test
    void aBrandTheCatalogGaveNoProductsHasNone() {
        assertThat(categories.of("heinz", "Heinz Tomato Ketchup 300g.")).isNull();
        assertThat(categories.of(null, "Heinz Tomato Ketchup 300g.")).isNull();
        assertThat(BrandCategories.empty().of("nestle", "Nestle Koko Krunch")).isNull();
    }

    @Test
    void survivesASaveAndLoad(@TempDir Path dir) throws Exception {
        categories.save(dir);
        BrandCategories loaded = BrandCategories.load(dir);
        for (String title : List.of("Nestle Koko Krunch Duo Breakfast Cereal 170g.", "Nestle Gold Instant Coffee")) {
            assertThat(loaded.of("nestle", title)).isEqualTo(categories.of("nestle", title));
        }
        assertThat(BrandCategories.load(dir.resolve("missing")).of("nestle", "Nestle Gold")).isNull();
    }

    @Test
    void savesEachTitlesWordsBesideTheCategoriesAndLoadsWithoutThemToo(@TempDir Path dir) throws Exception {
        categories.save(dir);
        List<String> lines = Files.readAllLines(dir.resolve(BrandCategories.FILE));
        // Three columns, as a service of an earlier version reads them; the words line for line in their own file.
        assertThat(lines).allSatisfy(l -> assertThat(l.split("\t", -1)).hasSize(3));
        List<String> words = Files.readAllLines(dir.resolve(BrandCategories.WORDS_FILE));
        assertThat(words).hasSameSizeAs(lines).contains("nestle koko krunch breakfast cereal");
        // A knowledge base built before the words file: its titles are tokenised as it loads, to the same answers.
        Files.delete(dir.resolve(BrandCategories.WORDS_FILE));
        BrandCategories old = BrandCategories.load(dir);
        for (String title : List.of("Nestle Koko Krunch Duo Breakfast Cereal 170g.", "Nestle Gold Instant Coffee")) {
            assertThat(old.of("nestle", title)).isEqualTo(categories.of("nestle", title));
        }
    }

    @Test
    void nerAnswersWithTheCategoryOfTheNearestProductOfItsBrand() {
        NerEngine ner = new NerEngine(kb, null, categories);
        AgentAnswer a = ner.infer(InferenceRequest.of("Nestle Koko Krunch Duo Breakfast Cereal 170g."));
        assertThat(a.brand().id()).isEqualTo("nestle");
        assertThat(a.category().path()).isEqualTo(CEREAL);
    }
}
