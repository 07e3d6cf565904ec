package io.mli.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrandKeysTest {

    @Test
    void followsTheEvaluationMatchingRule() {
        assertThat(BrandKeys.same("LAY'S", "Lays")).isTrue();
        assertThat(BrandKeys.same("Dr.Althea", "DR ALTHEA")).isTrue();
        assertThat(BrandKeys.same("อิชิตัน", "อิชิตัน ")).isTrue();
        assertThat(BrandKeys.same("Nestlé", "Nestle")).isFalse();
        assertThat(BrandKeys.same("", "")).isFalse();
        assertThat(BrandKeys.key("3 HORSES")).isEqualTo("3horses");
    }

    @Test
    void dropsTheAccentsOfLatinLettersButNotThaiVowels() {
        assertThat(BrandKeys.withoutAccents("nestlé")).isEqualTo("nestle");
        assertThat(BrandKeys.withoutAccents("Häagen-Dazs")).isEqualTo("Haagen-Dazs");
        assertThat(BrandKeys.withoutAccents("อิชิตัน")).isEqualTo("อิชิตัน");
    }
}
