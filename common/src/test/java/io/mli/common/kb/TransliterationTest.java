package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.io.CatalogRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransliterationTest {

    @Test
    void thaiSpellingsAndLatinNamesShareASkeleton() {
        assertThat(Transliteration.ofThai("ยูเซอริน")).isEqualTo(Transliteration.ofLatin("Eucerin"));
        assertThat(Transliteration.ofThai("เนสกาแฟ")).isEqualTo(Transliteration.ofLatin("Nescafe"));
        assertThat(Transliteration.ofThai("ซัมซุง")).isEqualTo(Transliteration.ofLatin("Samsung"));
        assertThat(Transliteration.ofThai("คาราบาว")).isEqualTo(Transliteration.ofLatin("Carabao"));
        assertThat(Transliteration.ofThai("นีเวีย")).isEqualTo(Transliteration.ofLatin("Nivea"));
        assertThat(Transliteration.ofThai("มาม่า")).isNotEqualTo(Transliteration.ofLatin("Nescafe"));
    }

    @Test
    void recognisesAThaiSpellingTheKnowledgeBaseHasNeverSeen() {
        List<CatalogRow> rows = List.of(
                new CatalogRow(1, "Segafredo Espresso 250g", "SEGAFREDO", null, Map.of()),
                new CatalogRow(2, "Mirinda Orange 325ml", "MIRINDA", null, Map.of()));
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
        TransliterationIndex index = new TransliterationIndex(kb);
        assertThat(index.match("เซกาเฟรโด")).containsExactly("segafredo");
        assertThat(index.match("มิรินด้า")).containsExactly("mirinda");
        assertThat(index.match("น้ำ")).isEmpty();
    }

    @Test
    void fuzzyDistanceCountsTranspositions() {
        assertThat(Fuzzy.distance("kirie", "kirei", 2)).isEqualTo(1);
        assertThat(Fuzzy.distance("ganier", "garnier", 2)).isEqualTo(1);
        assertThat(Fuzzy.distance("ambulance", "alcenero", 2)).isEqualTo(3);
    }
}
