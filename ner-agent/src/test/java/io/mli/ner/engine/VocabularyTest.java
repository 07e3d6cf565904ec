package io.mli.ner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    // word -> {times outside a brand name, times inside one}
    private final Vocabulary vocabulary = new Vocabulary(Map.of("nivea", new int[] {0, 12}, "tongtin",
            new int[] {22, 0}, "cream", new int[] {40, 1}, "del", new int[] {3, 0}));

    @Test
    void knowsTheScriptsTheCatalogWroteBrandNamesIn() {
        assertThat(vocabulary.taughtScriptOf("Zabrowski")).isTrue();
        assertThat(vocabulary.taughtScriptOf("ユニ")).isFalse();
        assertThat(vocabulary.taughtScriptOf("Zab ユニ")).isFalse();
    }

    @Test
    void withoutAVocabularyEveryScriptPasses() {
        assertThat(Vocabulary.empty().taughtScriptOf("ユニ")).isTrue();
        assertThat(Vocabulary.empty().taughtScriptOf("Zabrowski")).isTrue();
    }

    @Test
    void aWordNeverABrandWordIsOneWrittenOftenAndNeverInABrandName() {
        assertThat(vocabulary.isNeverABrandWord("tongtin")).isTrue();
        assertThat(vocabulary.isNeverABrandWord("cream")).as("once in a brand name").isFalse();
        assertThat(vocabulary.isNeverABrandWord("del")).as("too seldom to tell").isFalse();
        assertThat(vocabulary.isNeverABrandWord("unseen")).isFalse();
    }
}
