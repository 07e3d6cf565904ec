package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which part of a title is the seller's promotion, and the language of the rest. */
class SalesTalkTest {

    @Test
    void thaiPromotionAroundALatinTitleLeavesItLatin() {
        assertThat(SalesTalk.productLanguage("Long Keep Super Hard Gel 225g. #ของแท้100% ส่งฟรี")).isEqualTo("en");
        assertThat(SalesTalk.productLanguage("【ลดราคา】 Audace Shampoo 400ml.")).isEqualTo("en");
        assertThat(SalesTalk.productLanguage("[โปรแรง] Clear Nose Serum 80ml 1ชิ้น พร้อมส่ง")).isEqualTo("en");
        assertThat(SalesTalk.productLanguage("NANO TV HD 32 นิ้ว")).isEqualTo("en"); // a unit after a number
    }

    @Test
    void thaiProductWordsKeepATitleThai() {
        assertThat(SalesTalk.productLanguage("Nivea ครีมบำรุงผิว 100 มล.")).isEqualTo("mixed");
        assertThat(SalesTalk.productLanguage("ครีมกันแดดของแท้")).isEqualTo("th");
        // Talk inside a product word leaves the rest of the word: โปร of โปรตีน (protein).
        assertThat(SalesTalk.productLanguage("Whey โปรตีน 2 lb")).isEqualTo("mixed");
        // A unit is only a unit after a number.
        assertThat(SalesTalk.productLanguage("Nivea กรัม")).isEqualTo("mixed");
        // Parentheses hold the product's own words.
        assertThat(SalesTalk.productLanguage("Sappe Beauti Drink (เซ็ปเป้)")).isEqualTo("mixed");
        // Nothing but promotion and units with letters of their own: the title's language stands.
        assertThat(SalesTalk.productLanguage("#หม้อหุงข้าว 1.8L #SRC1812")).isEqualTo("mixed");
        assertThat(SalesTalk.productLanguage("ส่งฟรี")).isEqualTo("th");
        assertThat(SalesTalk.productLanguage("Vinamilk Sữa tươi")).isEqualTo("vi");
    }

    @Test
    void theBlankedTitleKeepsTheTitlesOffsets() {
        String title = "[โปรแรง] Clear Nose #ของแท้ ส่งฟรี 2ขวด";
        String blanked = SalesTalk.blanked(title);
        assertThat(blanked).hasSameSizeAs(title);
        assertThat(blanked.strip().replaceAll(" +", " ")).isEqualTo("Clear Nose 2");
        assertThat(blanked.indexOf("Clear Nose")).isEqualTo(title.indexOf("Clear Nose"));
        assertThat(SalesTalk.thaiProductText(title)).isFalse();
        assertThat(SalesTalk.thaiProductText("Clear Nose เซรั่ม ส่งฟรี")).isTrue();
        // An opening bracket with no closing one is no tag.
        assertThat(SalesTalk.blanked("[ครีม Nivea")).isEqualTo("[ครีม Nivea");
        // The # of an HTML reference opens no hashtag; a no-break space, written or referenced, ends one.
        assertThat(SalesTalk.blanked("Zabrina&#39;s Brand Rice")).isEqualTo("Zabrina&#39;s Brand Rice");
        assertThat(SalesTalk.blanked("#ส่งฟรี\u00A0Cow Brand Soap")).endsWith("Cow Brand Soap");
        assertThat(SalesTalk.blanked("#ส่งฟรี&nbsp;Cow Brand Soap")).endsWith("&nbsp;Cow Brand Soap");
    }

    @Test
    void talkAfterANumberIsNotTakenForAUnit() {
        // ล is a litre after a number, but ลดราคา is "discount".
        assertThat(SalesTalk.productLanguage("Golden Jasmine Rice 5kg. 12.12 ลดราคา")).isEqualTo("en");
        assertThat(SalesTalk.productLanguage("Golden Rice x2 ล้างสต๊อก")).isEqualTo("en");
        assertThat(SalesTalk.productLanguage("Golden Oil 2ล สุดคุ้ม")).isEqualTo("en");
        // Thai digits and the baht sign are no Thai words: the same answer from both questions.
        assertThat(SalesTalk.thaiProductText("Golden Jasmine Rice 5kg. ฿199 ส่งฟรี")).isFalse();
        assertThat(SalesTalk.thaiProductText("Golden Jasmine Rice ๔๐๐ มล. ส่งฟรี")).isFalse();
    }
}
