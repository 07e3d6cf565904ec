package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.domain.Span;
import org.junit.jupiter.api.Test;

class ModelCodesTest {

    private static Span at(String title, String name) {
        int start = title.indexOf(name);
        return new Span(start, start + name.length(), name);
    }

    @Test
    void lettersOfACodeAfterOtherWordsAreNoBrand() {
        String grinder = "Mesin Penggiling Daging 2 Liter #CP-563";
        assertThat(ModelCodes.isPartOfCode(grinder, at(grinder, "CP"))).isTrue();
        String oil = "Minyak Pelumas Serbaguna 400 ml WD-40";
        assertThat(ModelCodes.isPartOfCode(oil, at(oil, "WD"))).isTrue();
        String basket = "Keranjang Serbaguna Biru TD_28";
        assertThat(ModelCodes.isPartOfCode(basket, at(basket, "TD"))).isTrue();
        String strip = "Power Strip 4 Way 4 Switch 3M. HM4496M3W";
        assertThat(ModelCodes.isPartOfCode(strip, at(strip, "HM"))).as("capitals glued to the digits").isTrue();
        String earphones = "Wireless Earphones TP-HP02 Cinnamon";
        assertThat(ModelCodes.isPartOfCode(earphones, at(earphones, "HP"))).as("after the code's hyphen").isTrue();
    }

    @Test
    void aLongerOrLowerCaseNameGluedToDigitsIsNotACode() {
        String case15 = "Soft Case iPhone15 Pro Max";
        assertThat(ModelCodes.isPartOfCode(case15, at(case15, "iPhone"))).isFalse();
        String disk = "Flashdisk Sandisk32GB Ultra";
        assertThat(ModelCodes.isPartOfCode(disk, at(disk, "Sandisk"))).isFalse();
        String hyphen = "Casing-Samsung A54";
        assertThat(ModelCodes.isPartOfCode(hyphen, at(hyphen, "Samsung"))).isFalse();
    }

    @Test
    void aMakerWithASizeOrAWordBeforeItsHyphenIsNotACode() {
        String tv = "ทีวี LG43UQ7500PSF 43 นิ้ว";
        assertThat(ModelCodes.isPartOfCode(tv, at(tv, "LG"))).as("two digits: the size").isFalse();
        String laptop = "[ผ่อน 0%] Notebook HP14s-dq5";
        assertThat(ModelCodes.isPartOfCode(laptop, at(laptop, "HP"))).isFalse();
        String ink = "ตลับหมึก-HP 85A";
        assertThat(ModelCodes.isPartOfCode(ink, at(ink, "HP"))).as("a Thai word before the hyphen").isFalse();
        String notebook = "Notebook-HP 14s";
        assertThat(ModelCodes.isPartOfCode(notebook, at(notebook, "HP"))).as("a word before the hyphen").isFalse();
        String cookware = "Anitech X Snoopy SNP-CW ด้ามจับไม้";
        assertThat(ModelCodes.isPartOfCode(cookware, at(cookware, "CW"))).as("a code's prefix").isTrue();
    }
}
