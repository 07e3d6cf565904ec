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
    void aNameOpeningTheTitleOrWrittenApartIsTheBrand() {
        String tv = "AOYAMA-20 INCH SLIM LED TV";
        assertThat(ModelCodes.isPartOfCode(tv, at(tv, "AOYAMA"))).as("a size glued to the opening name").isFalse();
        String purifier = "#LG AIR PURIFIER#AS60GHWG0";
        assertThat(ModelCodes.isPartOfCode(purifier, at(purifier, "LG"))).as("a # before the brand").isFalse();
        String phone = "Samsung Galaxy A54 5G 8/256GB";
        assertThat(ModelCodes.isPartOfCode(phone, at(phone, "Galaxy"))).isFalse();
        String pens = "Pulpen Gel HP 0.5mm";
        assertThat(ModelCodes.isPartOfCode(pens, at(pens, "HP"))).as("a space, then the size").isFalse();
    }
}
