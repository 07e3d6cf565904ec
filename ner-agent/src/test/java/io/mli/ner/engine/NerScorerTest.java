package io.mli.ner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.io.CatalogRow;
import io.mli.common.kb.GazetteerMatch;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseBuilder;
import io.mli.common.text.TextNormalizer;
import io.mli.common.text.TitleTokenizer;
import io.mli.common.text.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a CRF span that names a known brand is scored. */
class NerScorerTest {

    /**
     * FRESH has two wipes in the catalog; "Fresh" is in 28 other brands' titles (Fresh Milk, …), and opens three of
     * them.
     */
    private static KnowledgeBase freshKb(CatalogRow... more) {
        List<CatalogRow> rows = new ArrayList<>(List.of(
                new CatalogRow(1, "Fresh Sensitive Baby Wipes 80sheets", "FRESH", null, Map.of()),
                new CatalogRow(2, "Fresh Adult Organic Wipe 40sheets", "FRESH", null, Map.of()),
                new CatalogRow(3, "Kikkoman Soy Sauce 150ml", "KIKKOMAN", null, Map.of()),
                new CatalogRow(4, "Kikkoman Less Salt Soy Sauce 1l", "KIKKOMAN", null, Map.of()),
                new CatalogRow(5, "Fresh Cut Roses 10 Stems", "FLORA", null, Map.of()),
                new CatalogRow(6, "Fresh Mint Leaves 50g", "HERBY", null, Map.of()),
                new CatalogRow(7, "Fresh Basil Leaves 50g", "HERBY", null, Map.of())));
        rows.addAll(List.of(more));
        for (int i = 0; i < 25; i++) {
            String maker = "Maker" + (char) ('A' + i / 10) + (char) ('a' + i % 10);
            rows.add(new CatalogRow(10 + i, maker + " Fresh Milk 1L", maker.toUpperCase(), null, Map.of()));
        }
        return new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
    }

    private static double score(KnowledgeBase kb, String title) {
        return score(kb, title, 1);
    }

    /** The score of the CRF span made of the title's first {@code words} words, the CRF sure of each. */
    private static double score(KnowledgeBase kb, String title, int words) {
        List<Token> tokens = TitleTokenizer.tokenize(TextNormalizer.normalize(title));
        double[] brandProb = new double[tokens.size()];
        java.util.Arrays.fill(brandProb, 0, words, 0.95);
        CrfSpan span = CrfSpan.extract(title, tokens, brandProb, Vocabulary.empty()).getFirst();
        List<GazetteerMatch> matches = kb.gazetteer().find(title);
        BrandResolver.Resolution r = new BrandResolver(kb).resolve(span.span().text());
        return new NerScorer().crf(span, r, true, matches);
    }

    @Test
    void aBrandNamedByACommonWordIsNoSurerForTheCrfCallingItABrand() {
        KnowledgeBase kb = freshKb();
        assertThat(kb.aliases("fresh")).anySatisfy(a -> assertThat(NerScorer.commonWord(a)).isTrue());
        assertThat(kb.aliases("kikkoman")).noneMatch(NerScorer::commonWord);
        double fresh = score(kb, "Fresh Strawberries 250g Pack");
        double kikkoman = score(kb, "Kikkoman Teriyaki Sauce 250ml");
        assertThat(kikkoman).isGreaterThan(0.9);
        assertThat(fresh).isLessThan(kikkoman - 0.1);
    }

    @Test
    void aNewNameThatBeginsWithAKnownProductLineIsMostlyThatLine() {
        // The starter knows Kindle as Amazon's line: "Kindle Paperwhite" is the line and a model, not a new brand.
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(List.of(
                new CatalogRow(1, "Kikkoman Soy Sauce 150ml", "KIKKOMAN", null, Map.of()))).starter(true).build();
        double line = score(kb, "Kindle Paperwhite 16GB Black", 2);
        double other = score(kb, "Kobo Clara 16GB Black", 2);
        assertThat(line).isCloseTo(0.7 * other, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aNewNameThatBeginsWithAKnownBrandIsMostlyThatBrandUnlessItsNameIsAWordThere() {
        KnowledgeBase kb = freshKb(new CatalogRow(8, "Fresh Orange Juice 1L", "JUICY", null, Map.of()));
        // Kikkoman opened both of its titles: "Kikkoman Marudaizu" is Kikkoman and a line of it.
        double kikkoman = score(kb, "Kikkoman Marudaizu Soy Sauce 1L", 2);
        double unknown = score(kb, "Yamasa Marudaizu Soy Sauce 1L", 2);
        assertThat(kikkoman).isCloseTo(0.7 * unknown, org.assertj.core.api.Assertions.within(1e-9));
        // "Fresh" opened six titles and named FRESH in two: "Fresh Farms" is a brand of its own as much as any.
        assertThat(kb.gazetteer().find("Fresh Farms").getFirst().alias().startPrecision()).isLessThan(0.5);
        double fresh = score(kb, "Fresh Farms Orange Juice 1L", 2);
        double sunny = score(kb, "Sunny Farms Orange Juice 1L", 2);
        assertThat(fresh).isCloseTo(sunny, org.assertj.core.api.Assertions.within(1e-9));
    }
}
