package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class ProductWordsTest {

    @Test
    void knowsWhatVietnameseAndIndonesianTitlesOpenWithHoweverTheyAreWritten() {
        assertThat(ProductWords.contains("Sữa")).isTrue();
        assertThat(ProductWords.contains("SỮA")).isTrue();
        assertThat(ProductWords.contains(Normalizer.normalize("sữa", Normalizer.Form.NFD))).isTrue();
        assertThat(ProductWords.contains("Bánh")).isTrue();
        assertThat(ProductWords.contains("SUSU")).isTrue();
        assertThat(ProductWords.contains("tas")).isTrue();
        String norm = io.mli.common.text.TitleTokenizer.tokenize("SỮA tươi").getFirst().norm();
        assertThat(ProductWords.containsNormalised(norm)).isTrue();
        assertThat(ProductWords.containsNormalised("SỮA")).as("not normalised").isFalse();
    }

    @Test
    void englishGoodsAGroceryAndElectronicsCatalogDoesNotNameAreProductWords() {
        assertThat(ProductWords.contains("Earbuds")).isTrue();
        assertThat(ProductWords.contains("headphones")).isTrue();
    }

    @Test
    void brandsAndCommentsAreNotProductWords() {
        assertThat(ProductWords.contains("Vinamilk")).isFalse();
        assertThat(ProductWords.contains("Air")).as("Air Wick, Air Jordan").isFalse();
        assertThat(ProductWords.contains("jam")).as("a watch in Indonesian, and jam").isFalse();
        assertThat(ProductWords.contains("Vietnamese:")).isFalse();
        assertThat(ProductWords.contains("")).isFalse();
        assertThat(ProductWords.contains(null)).isFalse();
    }
}
