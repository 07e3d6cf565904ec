package io.mli.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsCaseAndWidthWithNfkc() {
        assertThat(TextNormalizer.normalizeText("ＬＡＹ'Ｓ Classic")).isEqualTo("lay's classic");
    }

    @Test
    void readsHtmlCharacterReferencesAsTheirCharactersKeepingOffsets() {
        NormalizedText nt = TextNormalizer.normalize("M&amp;M&#39;s Peanut&nbsp;45g &#x2122;");
        assertThat(nt.text()).isEqualTo("m&m's peanut 45g");
        // "'" stands where &#39; does in the title.
        int quote = nt.text().indexOf('\'');
        assertThat(nt.originStart(quote)).isEqualTo("M&amp;M".length());
        assertThat(nt.originEnd(quote + 1)).isEqualTo("M&amp;M&#39;".length());
        // A plain ampersand, and an unknown or unfinished reference, are left as written.
        assertThat(TextNormalizer.normalizeText("Snacks & Desserts P&G &foo; &#xZZ; &#39")).isEqualTo(
                "snacks & desserts p&g &foo; &#xzz; &#39");
        assertThat(HtmlEntities.decode("Lay&#39;s &quot;Classic&quot;")).isEqualTo("Lay's \"Classic\"");
        assertThat(BrandKeys.key("Lay&#39;s")).isEqualTo(BrandKeys.key("LAY'S"));
        // No sign, no half of a surrogate pair.
        assertThat(HtmlEntities.decode("&#+65; &#-65; &#xD83D;")).isEqualTo("&#+65; &#-65; &#xD83D;");
    }

    @Test
    void aTitleEndsWhereItsLastCharacterDoesNotAfterTrailingSpaces() {
        for (String title : java.util.List.of("Zabrina&nbsp;", "Zabrina\u00A0", "Zabrina  ")) {
            NormalizedText nt = TextNormalizer.normalize(title);
            assertThat(nt.text()).isEqualTo("zabrina");
            assertThat(nt.originEnd(nt.text().length())).as(title).isEqualTo("Zabrina".length());
        }
        NormalizedText plain = TextNormalizer.normalize("Zabrina");
        assertThat(plain.originEnd(7)).isEqualTo(7);
    }

    @Test
    void readsTrademarkSignsAsMarksNotLetters() {
        assertThat(TextNormalizer.normalizeText("Intel® Core™ i3 Radeon℠")).isEqualTo("intel® core i3 radeon");
        assertThat(BrandKeys.key("Nivea™")).isEqualTo(BrandKeys.key("NIVEA"));
    }

    @Test
    void mapsThaiDigitsToAscii() {
        assertThat(TextNormalizer.normalizeText("ขนาด ๑๒๐ มล.")).isEqualTo("ขนาด 120 มล.");
    }

    @Test
    void dropsZeroWidthAndControlCharactersAndCollapsesSpaces() {
        assertThat(TextNormalizer.normalizeText("  Nivea\u200b\u200d  Soft\u0007\tCream ")).isEqualTo("nivea soft cream");
    }

    @Test
    void bothSaraAmSpellingsNormaliseAlike() {
        assertThat(TextNormalizer.normalizeText("น้ำตาล")).isEqualTo(TextNormalizer.normalizeText("น้ําตาล"));
    }

    @Test
    void offsetsPointBackIntoTheOriginal() {
        String title = "\u200bＥucerin  Lotion";
        NormalizedText nt = TextNormalizer.normalize(title);
        int start = nt.text().indexOf("lotion");
        int end = start + "lotion".length();
        assertThat(title.substring(nt.originStart(start), nt.originEnd(end))).isEqualTo("Lotion");
        int e0 = nt.text().indexOf("eucerin");
        assertThat(title.substring(nt.originStart(e0), nt.originEnd(e0 + 7))).isEqualTo("Ｅucerin");
    }

    @Test
    void aDecomposedTitleReadsAsTheComposedOneWithOffsetsIntoIt() {
        String composed = "Nestlé Sữa tươi";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        NormalizedText nt = TextNormalizer.normalize(decomposed);
        assertThat(nt.text()).isEqualTo(TextNormalizer.normalizeText(composed)).isEqualTo("nestlé sữa tươi");
        int s = nt.text().indexOf("sữa");
        assertThat(decomposed.substring(nt.originStart(s), nt.originEnd(s + 3)))
                .isEqualTo(java.text.Normalizer.normalize("Sữa", java.text.Normalizer.Form.NFD));
        assertThat(decomposed.substring(nt.originStart(0), nt.originEnd(6)))
                .isEqualTo(java.text.Normalizer.normalize("Nestlé", java.text.Normalizer.Form.NFD));
    }
}
