package io.mli.common.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewNameKindsTest {
    @Test
    void aKindWithItsLength() {
        assertThat(NewNameKinds.withLength(NewNameKinds.NEW, 1)).isEqualTo("new.one");
        assertThat(NewNameKinds.withLength(NewNameKinds.NEW, 2)).isEqualTo("new.more");
        assertThat(NewNameKinds.withLength(NewNameKinds.NEW_WORDS, 3)).isEqualTo("new_words.more");
    }

    @Test
    void madeOfCatalogWordsWhateverItsLength() {
        assertThat(NewNameKinds.madeOfCatalogWords("new_words")).isTrue();
        assertThat(NewNameKinds.madeOfCatalogWords("new_words.one")).isTrue();
        assertThat(NewNameKinds.madeOfCatalogWords("new_words.more")).isTrue();
        assertThat(NewNameKinds.madeOfCatalogWords("new.more")).isFalse();
        assertThat(NewNameKinds.madeOfCatalogWords("new_wordsmith")).isFalse();
        assertThat(NewNameKinds.madeOfCatalogWords(null)).isFalse();
    }
}
