package io.mli.ner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.text.TextNormalizer;
import io.mli.common.text.TitleTokenizer;
import io.mli.common.text.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How runs of brand-tagged tokens become spans, on probabilities given by hand. */
class CrfSpanTest {

    private static List<String> spans(String title, double... brandProb) {
        return spans(Vocabulary.empty(), title, brandProb);
    }

    private static List<String> spans(Vocabulary vocabulary, String title, double... brandProb) {
        List<Token> tokens = TitleTokenizer.tokenize(TextNormalizer.normalize(title));
        assertThat(tokens).hasSize(brandProb.length);
        return CrfSpan.extract(title, tokens, brandProb, vocabulary).stream()
                .map(s -> s.span().text()).toList();
    }

    @Test
    void aRunOfBrandTaggedWordsIsOneSpan() {
        assertThat(spans("Zabrowski Tomato Ketchup", 0.9, 0.1, 0.0)).containsExactly("Zabrowski");
        assertThat(spans("Del Monte Tomato Soup", 0.9, 0.6, 0.1, 0.0)).containsExactly("Del Monte");
    }

    @Test
    void theTitlesFirstWordOpensASpanAtALowerProbability() {
        assertThat(spans("Zabrowski Tomato Ketchup", 0.25, 0.1, 0.0)).containsExactly("Zabrowski");
        assertThat(spans("Tomato Zabrowski Ketchup", 0.0, 0.25, 0.0)).isEmpty();
    }

    @Test
    void aRunOpenedAtALowProbabilityGoesOnOverWordsAboutAsLikely() {
        // "crown" is a word the catalog wrote outside brand names too (4 times, once inside).
        Vocabulary vocabulary = new Vocabulary(java.util.Map.of("crown", new int[] {4, 1}));
        assertThat(spans(vocabulary, "Sea Crown Sardines in Tomato Sauce", 0.44, 0.41, 0.0, 0.0, 0.0, 0.0))
                .containsExactly("Sea Crown");
        assertThat(spans(vocabulary, "Sea Crown Sardines in Tomato Sauce", 0.44, 0.2, 0.0, 0.0, 0.0, 0.0))
                .containsExactly("Sea");
        // A run opened at THRESHOLD or more wants THRESHOLD of the next word, as before.
        assertThat(spans(vocabulary, "Sea Crown Sardines in Tomato Sauce", 0.55, 0.45, 0.0, 0.0, 0.0, 0.0))
                .containsExactly("Sea");
    }

    @Test
    void aLatinRunStopsWhereThaiStarts() {
        // The CRF learned no Thai: its guess on เดนิ (of เดนิชบลูเบอรี่, "Danish blueberry") ends the name before it.
        // (The Thai run is a span of its own, which NerEngine leaves out as a guess.)
        assertThat(spans("A-my เดนิชบลูเบอรี่", 0.87, 0.88, 0.79, 0.71, 0.01, 0.0)).containsExactly("A-my", "เดนิ");
        // Glued to it too, as Thai shops write their brand before the product (TYESO, tumbler).
        assertThat(spans("TYESOแก้ว 600ML", 0.9, 0.7, 0.0)).containsExactly("TYESO", "แก้ว");
        assertThat(spans("MY HOMEไดร์", 0.96, 0.95, 0.95)).containsExactly("MY HOME", "ไดร์");
        // Not after a lone letter: one run, as before.
        assertThat(spans("M- ฟิตมี", 0.9, 0.9, 0.8, 0.7)).containsExactly("M- ฟิตมี");
    }

    @Test
    void aDoubledWordIsOneNameWhereverTheCrfSplitsIt() {
        assertThat(spans("Yen Yen Cool Herb Tea", 0.8, 0.05, 0.0, 0.0, 0.0)).containsExactly("Yen Yen");
        assertThat(spans("NICO NICO Corn Snack", 0.9, 0.1, 0.0, 0.0)).containsExactly("NICO NICO");
        // Only the word just before, said again.
        assertThat(spans("Yen Tea Yen", 0.8, 0.0, 0.0)).containsExactly("Yen");
    }

    @Test
    void aWordTheCatalogWroteMostlyInBrandNamesContinuesTheBrandAtALowProbability() {
        // "farm": 18 times in catalog brand names (Betagro Farm, …), twice outside; "fresh": mostly outside.
        Vocabulary vocabulary = new Vocabulary(
                java.util.Map.of("farm", new int[] {2, 18}, "fresh", new int[] {181, 22}));
        assertThat(spans(vocabulary, "Pepperidge Farm Captiva Cookies", 0.99, 0.17, 0.03, 0.0))
                .containsExactly("Pepperidge Farm");
        assertThat(spans(vocabulary, "Pepperidge Fresh Captiva Cookies", 0.99, 0.17, 0.03, 0.0))
                .containsExactly("Pepperidge");
        // Another brand's name, never written outside one, is not taken on at 0.17 (Ốp Xiaomi Samsung).
        Vocabulary brands = new Vocabulary(java.util.Map.of("samsung", new int[] {0, 40}));
        assertThat(spans(brands, "Xiaomi Samsung Case", 0.99, 0.17, 0.0)).containsExactly("Xiaomi");
        // Written small, it is a word of the description.
        assertThat(spans(vocabulary, "Pepperidge farm Captiva Cookies", 0.99, 0.17, 0.03, 0.0))
                .containsExactly("Pepperidge");
    }

    /** The spans as {@link CrfSpan#withShortOpenerExtended} makes them, as NerEngine asks for a new name's. */
    private static List<String> extended(Vocabulary vocabulary, String title, double... brandProb) {
        List<Token> tokens = TitleTokenizer.tokenize(TextNormalizer.normalize(title));
        return CrfSpan.extract(title, tokens, brandProb, vocabulary).stream()
                .map(s -> s.withShortOpenerExtended(title, tokens, vocabulary).span().text()).toList();
    }

    @Test
    void aShortOpenerTakesTheNextWordUnlessTheCatalogWritesItMostlyOutsideBrandNames() {
        // "thai": 54 times outside brand names, 48 inside (Real Thai, …); "extra": 133 outside, never inside.
        Vocabulary vocabulary = new Vocabulary(
                java.util.Map.of("thai", new int[] {54, 48}, "extra", new int[] {133, 0}));
        assertThat(extended(vocabulary, "Kon Thai White Rice 5kg.", 0.9, 0.1, 0.0, 0.0, 0.0, 0.0))
                .containsExactly("Kon Thai");
        // A word the catalog never wrote counts (Rai Aoy); so does a lone capital (Wel B).
        assertThat(extended(vocabulary, "Rai Aoy Coconut Sugar", 0.9, 0.2, 0.0, 0.0)).containsExactly("Rai Aoy");
        assertThat(extended(vocabulary, "Wel B Baby Yogurt", 0.9, 0.2, 0.0, 0.0)).containsExactly("Wel B");
        // More than six times as often outside: the CRF's one word stands.
        assertThat(extended(vocabulary, "Yok Extra Rice Bran Oil", 0.9, 0.1, 0.0, 0.0, 0.0)).containsExactly("Yok");
        // Not for a longer word, a word in capitals (CP, an initialism), a word further in, a run already of two
        // words, nor before a word written small, a figure or the end of the title.
        assertThat(extended(vocabulary, "Zabrowski Thai Rice", 0.9, 0.1, 0.0)).containsExactly("Zabrowski");
        assertThat(extended(vocabulary, "KON Thai Rice", 0.9, 0.1, 0.0)).containsExactly("KON");
        assertThat(extended(vocabulary, "Rice Kon Thai", 0.0, 0.9, 0.1)).containsExactly("Kon");
        assertThat(extended(vocabulary, "Kon Yen Thai Rice", 0.9, 0.8, 0.1, 0.0)).containsExactly("Kon Yen");
        assertThat(extended(vocabulary, "Kon thai rice", 0.9, 0.1, 0.0)).containsExactly("Kon");
        assertThat(extended(vocabulary, "Kon 5kg.", 0.9, 0.0, 0.0)).containsExactly("Kon");
        assertThat(extended(vocabulary, "Kon", 0.9)).containsExactly("Kon");
        // Sales talk opening the title is not a name's first word (NerEngine strips it: Hot Thai would leave Thai).
        assertThat(extended(vocabulary, "Hot Thai Chilli Sauce", 0.9, 0.1, 0.0, 0.0)).containsExactly("Hot");
        // The case is the seller's: in a title typed in capitals the rule does not fire, as the catalog counts
        // were of titles in mixed case.
        assertThat(extended(vocabulary, "KON THAI WHITE RICE", 0.9, 0.1, 0.0, 0.0)).containsExactly("KON");
    }

    @Test
    void aNewNameStopsBeforeAWordInCapitalsAfterItsCapitalisedFirstWord() {
        List<Token> tokens = TitleTokenizer.tokenize(TextNormalizer.normalize("Tide PODS Laundry Pacs"));
        double[] p = {0.9, 0.6, 0.0, 0.0};
        CrfSpan span = CrfSpan.extract("Tide PODS Laundry Pacs", tokens, p, Vocabulary.empty()).getFirst();
        assertThat(span.span().text()).isEqualTo("Tide PODS");
        CrfSpan cut = span.withoutCapitalsAfterOpener("Tide PODS Laundry Pacs", tokens, p);
        assertThat(cut.span().text()).isEqualTo("Tide");
        assertThat(cut.mean()).isEqualTo(0.9);
        // Not a name in capitals itself, a name of capitalised words, nor one further in.
        assertThat(cutSpans("BEST CT King Minion", 0.9, 0.9, 0.1, 0.0)).containsExactly("BEST CT");
        assertThat(cutSpans("Best Choice UHT Milk", 0.9, 0.9, 0.1, 0.0)).containsExactly("Best Choice");
        assertThat(cutSpans("Milk Tide PODS", 0.0, 0.9, 0.9)).containsExactly("Tide PODS");
        // In a title typed in capitals, a name's short second word stays (HAPPY DOG, SANTA FE), however NER reads
        // the longer words.
        assertThat(cutSpans("HAPPY DOG ADULT LAMB", 0.9, 0.9, 0.1, 0.0)).containsExactly("HAPPY DOG");
        // Letters outside the basic plane count as letters (mathematical bold, which some sellers type).
        assertThat(cutSpans("\uD835\uDC13\uD835\uDC22\uD835\uDC1D\uD835\uDC1E PODS Pacs", 0.9, 0.9, 0.0))
                .allMatch(s -> !s.endsWith("PODS"));
        // A short opener takes no word in capitals either (Oh CF is Oh's, as the catalog writes such titles).
        assertThat(extended(Vocabulary.empty(), "Oh CF Card Adapter", 0.9, 0.1, 0.0, 0.0)).containsExactly("Oh");
    }

    @Test
    void aNewNameEndsBeforeALongLastWordTheCatalogNeverWroteInABrandName() {
        Vocabulary none = Vocabulary.empty();
        CrfSpan whole = CrfSpan.extract("Ronnefeldt Teavelope Copa Cabana 62.5g",
                TitleTokenizer.tokenize(TextNormalizer.normalize("Ronnefeldt Teavelope Copa Cabana 62.5g")),
                new double[] {0.9, 0.7, 0.1, 0.0, 0.0}, none).getFirst();
        CrfSpan cut = longCut(none, "Ronnefeldt Teavelope Copa Cabana 62.5g", 0.9, 0.7, 0.1, 0.0, 0.0);
        assertThat(cut.span().text()).isEqualTo("Ronnefeldt");
        assertThat(cut.lastToken()).isZero();
        // The CRF found the name; that it is a word shorter does not make it less sure of it.
        assertThat(cut.mean()).isEqualTo(whole.mean());
        assertThat(cut.min()).isEqualTo(whole.min());
        assertThat(longCut(none, "Pepperidge Farm Sausalito Cookies", 0.9, 0.9, 0.6, 0.0).span().text())
                .isEqualTo("Pepperidge Farm");
        // Seven letters stay (Mishima Noriben), as does a first word of three (La Espanola: the opener's rule).
        assertThat(longCut(none, "Mishima Noriben Katsuo", 0.9, 0.7, 0.0).span().text()).isEqualTo("Mishima Noriben");
        assertThat(longCut(none, "Lax Espanola Olive Oil", 0.9, 0.7, 0.0, 0.0).span().text()).isEqualTo("Lax Espanola");
        // A word the catalog wrote inside a brand name (Goldendrop), and one written in capitals (TRUE LIVINGTECH).
        Vocabulary inside = new Vocabulary(java.util.Map.of("goldendrop", new int[] {0, 2}));
        assertThat(longCut(inside, "Chinsufoods Goldendrop Oil", 0.9, 0.7, 0.0).span().text())
                .isEqualTo("Chinsufoods Goldendrop");
        assertThat(longCut(none, "Chinsufoods Goldendrop Oil", 0.9, 0.7, 0.0).span().text()).isEqualTo("Chinsufoods");
        assertThat(longCut(none, "True LIVINGTECH Smart Plug", 0.9, 0.7, 0.0, 0.0).span().text())
                .isEqualTo("True LIVINGTECH");
        // Joined to the word before it, a long word is part of that word.
        assertThat(longCut(none, "Hansen-Lieberman Ketchup", 0.9, 0.9, 0.9, 0.0).span().text())
                .isEqualTo("Hansen-Lieberman");
        // Sales talk opening the span is not the name's first word: Promo Zabrowski stays whole, for the sales-talk
        // rule to take Promo off; Promo Ronnefeldt Teavelope loses Teavelope.
        assertThat(longCut(none, "Promo Zabrowski Ketchup", 0.9, 0.9, 0.0).span().text()).isEqualTo("Promo Zabrowski");
        assertThat(longCut(none, "Promo Ronnefeldt Teavelope Tea", 0.9, 0.9, 0.9, 0.0).span().text())
                .isEqualTo("Promo Ronnefeldt");
        // A one-word name keeps its one word, however long.
        assertThat(longCut(none, "Zabrowskiego Ketchup", 0.9, 0.0).span().text()).isEqualTo("Zabrowskiego");
    }

    private static CrfSpan longCut(Vocabulary vocabulary, String title, double... brandProb) {
        List<Token> tokens = TitleTokenizer.tokenize(TextNormalizer.normalize(title));
        assertThat(tokens).hasSize(brandProb.length);
        return CrfSpan.extract(title, tokens, brandProb, vocabulary).getFirst()
                .withoutLongLastWord(title, tokens, vocabulary);
    }

    private static List<String> cutSpans(String title, double... brandProb) {
        List<Token> tokens = TitleTokenizer.tokenize(TextNormalizer.normalize(title));
        return CrfSpan.extract(title, tokens, brandProb, Vocabulary.empty()).stream()
                .map(s -> s.withoutCapitalsAfterOpener(title, tokens, brandProb).span().text()).toList();
    }
}
