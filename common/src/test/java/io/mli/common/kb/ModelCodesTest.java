package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.domain.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCodesTest {

    /** Whether {@code name}, where it first stands in {@code title}, is part of a model code. */
    private static boolean code(String title, String name) {
        int start = title.indexOf(name);
        return ModelCodes.isPartOfCode(title, new Span(start, start + name.length(), name));
    }

    @Test
    void lettersOfACodeAfterOtherWordsAreNoBrand() {
        assertThat(code("Mesin Penggiling Daging 2 Liter #CP-563", "CP")).isTrue();
        assertThat(code("Minyak Pelumas Serbaguna 400 ml WD-40", "WD")).isTrue();
        assertThat(code("Keranjang Serbaguna Biru TD_28", "TD")).isTrue();
        assertThat(code("Power Strip 4 Way 4 Switch 3M. HM4496M3W", "HM")).as("capitals glued to digits").isTrue();
        assertThat(code("Wireless Earphones TP-HP02 Cinnamon", "HP")).as("after the code's hyphen").isTrue();
    }

    @Test
    void aNameOpeningTheTitleOrWrittenApartIsTheBrand() {
        assertThat(code("AOYAMA-20 INCH SLIM LED TV", "AOYAMA")).as("a size glued to the opening name").isFalse();
        assertThat(code("#LG AIR PURIFIER#AS60GHWG0", "LG")).as("a # before the brand").isFalse();
        assertThat(code("Samsung Galaxy A54 5G 8/256GB", "Galaxy")).isFalse();
        assertThat(code("Pulpen Gel HP 0.5mm", "HP")).as("a space, then the size").isFalse();
        assertThat(code("3M Scotch Brite Sponge", "3M")).as("opening the title").isFalse();
    }

    @Test
    void aLongerOrLowerCaseNameGluedToDigitsIsNotACode() {
        assertThat(code("Soft Case iPhone15 Pro Max", "iPhone")).isFalse();
        assertThat(code("Flashdisk Sandisk32GB Ultra", "Sandisk")).isFalse();
        assertThat(code("Casing-Samsung A54", "Samsung")).isFalse();
    }

    @Test
    void aMakerWithASizeOrAWordBeforeItsHyphenIsNotACode() {
        assertThat(code("ทีวี LG43UQ7500PSF 43 นิ้ว", "LG")).as("two digits: the size").isFalse();
        assertThat(code("[ผ่อน 0%] Notebook HP14s-dq5", "HP")).isFalse();
        assertThat(code("ตลับหมึก-HP 85A", "HP")).as("a Thai word before the hyphen").isFalse();
        assertThat(code("Notebook-HP 14s", "HP")).as("a word before the hyphen").isFalse();
        assertThat(code("Anitech X Snoopy SNP-CW ด้ามจับไม้", "CW")).as("a code's prefix").isTrue();
    }

    @Test
    void aMakerTheCatalogOftenNamesInsideTitlesKeepsItsGluedModel() {
        // HP named its brand in 56 of 84 catalog titles it stood inside; H&M was never seen there.
        AliasEntry hp = new AliasEntry("hp", "HP", "hp", AliasKind.NAME, 0.82, 160, 0.987, 76);
        AliasEntry hm = new AliasEntry("hm", "H&M", "hm", AliasKind.NAME, 1.0, 0, 1.0, 0);
        assertThat(hp.namesItsBrandMidTitle()).isTrue();
        assertThat(hm.namesItsBrandMidTitle()).isFalse();
        String ink = "Tinta HP680 Black Original";
        assertThat(ModelCodes.withoutCodes(ink, List.of(match(hp, ink, "HP")))).hasSize(1);
        // After a code's prefix it is the code's letters all the same.
        String earphones = "Wireless Earphones TP-HP02 Cinnamon";
        assertThat(ModelCodes.withoutCodes(earphones, List.of(match(hp, earphones, "HP")))).isEmpty();
        String strip = "Power Strip 4 Way HM4496M3W";
        assertThat(ModelCodes.withoutCodes(strip, List.of(match(hm, strip, "HM")))).isEmpty();
    }

    private static GazetteerMatch match(AliasEntry alias, String title, String name) {
        int start = title.indexOf(name);
        return new GazetteerMatch(alias, new Span(start, start + name.length(), name), 0, name.length(),
                title.length());
    }
}
