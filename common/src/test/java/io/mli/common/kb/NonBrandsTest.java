package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonBrandsTest {

    @Test
    void placeholdersAreNoBrands() {
        assertThat(NonBrands.isPlaceholder("No Brand")).isTrue();
        assertThat(NonBrands.isPlaceholder("Tanpa Merek")).isTrue();
        assertThat(NonBrands.isPlaceholder("Samsung")).isFalse();
    }

    @Test
    void aShopOrItsSalesTalkIsNoBrand() {
        assertThat(NonBrands.isSellerTalk("SYF Shop")).isTrue();
        assertThat(NonBrands.isSellerTalk("Penjual Terbaik")).isTrue(); // "best seller"
        assertThat(NonBrands.isSellerTalk("Baru")).isTrue(); // "new"
        assertThat(NonBrands.isSellerTalk("New Arrival")).isTrue();
        assertThat(NonBrands.isSellerTalk("Handmade")).isTrue();
        // A name with anything else in it may be a brand: New Moon, Premium Choice's maker, …
        assertThat(NonBrands.isSellerTalk("New Moon")).isFalse();
        assertThat(NonBrands.isSellerTalk("Orico")).isFalse();
        assertThat(NonBrands.isSellerTalk("")).isFalse();
    }

    @Test
    void aNameOfFunctionWordsOnlyIsNoBrandButOneWithThemCanBe() {
        assertThat(NonBrands.isOnlyFunctionWords("The")).isTrue();
        assertThat(NonBrands.isOnlyFunctionWords("for the")).isTrue();
        assertThat(NonBrands.isOnlyFunctionWords("của")).isTrue();
        assertThat(NonBrands.isOnlyFunctionWords("The Body Shop")).isFalse();
        assertThat(NonBrands.isOnlyFunctionWords("Theo")).isFalse();
        assertThat(NonBrands.isOnlyFunctionWords("")).isFalse();
        assertThat(NonBrands.isOnlyFunctionWords(null)).isFalse();
    }
}
