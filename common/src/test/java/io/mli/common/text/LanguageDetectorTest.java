package io.mli.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    @Test
    void namesScripts() {
        assertThat(LanguageDetector.detect("Lays Classic 69g.")).isEqualTo("en");
        assertThat(LanguageDetector.detect("น้ำปลาแท้ 700 มล.")).isEqualTo("th");
        assertThat(LanguageDetector.detect("Eucerin Lotion ยูเซอริน")).isEqualTo("mixed");
        assertThat(LanguageDetector.detect("Шоколад молочный")).isEqualTo("und-Cyrl");
        assertThat(LanguageDetector.detect("日本の緑茶")).startsWith("und-");
        assertThat(LanguageDetector.detect("12345 !!")).isEqualTo("und");
        assertThat(LanguageDetector.detect("Sữa tươi Vinamilk 1L")).isEqualTo("vi");
        assertThat(LanguageDetector.detect("Bột giặt OMO Matic 3kg")).isEqualTo("vi");
        assertThat(LanguageDetector.detect(java.text.Normalizer.normalize("Sữa tươi", java.text.Normalizer.Form.NFD)))
                .isEqualTo("vi");
        // Diacritics that French, German or Indonesian titles use are not Vietnamese.
        assertThat(LanguageDetector.detect("L'Oréal Paris Crème Müller Häagen-Dazs")).isEqualTo("en");
    }

    @Test
    void aMultiplicationXIsNotLatin() {
        assertThat(LanguageDetector.detect("น้ำดื่ม 600มล. x 12")).isEqualTo("th");
        assertThat(LanguageDetector.detect("นม 70กX12")).isEqualTo("th");
    }
}
