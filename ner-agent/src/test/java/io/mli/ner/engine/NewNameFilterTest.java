package io.mli.ner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.domain.Span;
import io.mli.common.text.TitleTokenizer;
import io.mli.common.text.Token;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewNameFilterTest {
    // word -> {outside brand names, inside them, right after one, brands whose titles have it outside their name}
    private final NewNameFilter filter = new NewNameFilter(new Vocabulary(Map.of(
            "coffee", new int[] {73, 1, 20, 30}, "swift", new int[] {5, 0, 5, 1}, "phone", new int[] {6, 0, 0, 1})));

    /** Whether the filter rejects the title's first word, as the CRF would have tagged it. */
    private boolean rejectsFirstWord(String title) {
        List<Token> tokens = TitleTokenizer.tokenize(title);
        Token first = tokens.getFirst();
        CrfSpan span = new CrfSpan(Span.of(title, first.start(), first.end()), 0, 0, 0.9, 0.9);
        return filter.rejects(span, title, tokens, List.of());
    }

    @Test
    void aTitleOpeningWithWhatTheProductIsNamesNoBrandThere() {
        assertThat(rejectsFirstWord("Coffee High Protein Drink 250ml")).isTrue();
    }

    @Test
    void aSizeIsNoNameButANumberMayBe() {
        assertThat(rejectsFirstWord("1.8L หม้อหุงข้าว")).isTrue();
        assertThat(rejectsFirstWord("1664 Blanc Beer 330ml")).isFalse();
        assertThat(rejectsFirstWord("555 Sardines in Tomato Sauce")).isFalse();
        assertThat(rejectsFirstWord("A4Tech Wireless Mouse")).isFalse(); // letters and digits may well be a name
    }

    @Test
    void aWordOnlyOneBrandsTitlesHadRightAfterItsNameIsANameNotAProductWord() {
        // The catalog had Swift only in Acer's laptop titles, after Acer: a line's name, here another maker's brand.
        assertThat(rejectsFirstWord("Swift Frozen Australian Rump Steak 250g.")).isFalse();
        // Phone only in SanDisk's, and further on (… for Phone): what the product is.
        assertThat(rejectsFirstWord("Phone Case for iPhone 13 Clear Silicone")).isTrue();
    }

    @Test
    void aNameMadeOnlyOfWordsTheCatalogAlsoWritesAsWordsIsToldApart() {
        String title = "Phone Coffee Cups Set of 4";
        List<Token> tokens = TitleTokenizer.tokenize(title);
        CrfSpan both = new CrfSpan(Span.of(title, 0, 12), 0, 1, 0.8, 0.8);
        assertThat(filter.wordsOfTheCatalog(both, tokens)).isTrue();
        // Swift the catalog wrote as one brand's line: a name, as in Swift Frozen Australian Rump Steak.
        String meat = "Swift Coffee Beans 250g";
        assertThat(filter.wordsOfTheCatalog(new CrfSpan(Span.of(meat, 0, 12), 0, 1, 0.8, 0.8),
                TitleTokenizer.tokenize(meat))).isFalse();
        // A word the catalog never wrote (Moskovsky) makes it a name of its own.
        String other = "Moskovsky Coffee Beans 250g";
        List<Token> otherTokens = TitleTokenizer.tokenize(other);
        assertThat(filter.wordsOfTheCatalog(new CrfSpan(Span.of(other, 0, 16), 0, 1, 0.8, 0.8), otherTokens))
                .isFalse();
    }
}
