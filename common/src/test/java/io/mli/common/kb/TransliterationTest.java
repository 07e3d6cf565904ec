package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.io.CatalogRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void loanwordsAreSpeltWithAndWithoutTheirSilentLetters() {
        // มิลค์ keeps the k Thai silences; คาร์เนชั่น drops the r; แมคไวตี้ has no possessive.
        assertThat(Transliteration.variants("เอ็มมิลค์")).contains(Transliteration.ofLatin("M Milk"));
        assertThat(Transliteration.variants("คาร์เนชั่น")).containsAnyElementsOf(Transliteration.variants("Carnation"));
        assertThat(Transliteration.ofLatin("McVitie's")).isEqualTo(Transliteration.ofThai("แมคไวตี้"));
        assertThat(Transliteration.variants("นีเวีย")).hasSize(1);
    }

    /**
     * How alike a Thai spelling and a Latin name sound, vowels included. The vowels tell sound-alikes from words that
     * only share consonants (คุ้มค่า and GOMUC are both kmk). Sounds are compared as Thai writes English: แ is the short
     * a, Mc is said "mac", Mr "mister", Uni "yuni", and a final "ie" is one vowel.
     */
    @ParameterizedTest(name = "{0} ~ {1} in [{2}, {3}]")
    @CsvSource({
        "ไบโอวิต, Biovitt, 0.9, 1.0",
        "ทีพอท, Tea Pot, 0.9, 1.0",
        "ทีพอท, Tip Top, 0.0, 0.7",
        "คุ้มค่า, GOMUC, 0.0, 0.7",
        "แมคไวตี้, McVitie's, 0.81, 1.0",
        "แมคไวตี้, Mcvities, 0.81, 1.0",
        "แมคไวตี้, Mighty, 0.0, 0.7",
        "หมูแชมป์, Mr.Champ, 0.0, 0.7", // pork meatballs, not Mr.Champ
        "แอนิเทค, Unitek, 0.0, 0.79", // Anitech
        "แอนิเทค, UNITEK, 0.0, 0.79",
        "ยูนิเทค, Unitek, 0.81, 1.0",
        "แมคไวตี้, MCVITIE'S, 0.95, 1.0", // names in capitals too
        "แม่พลอย, Mae Ploy, 0.95, 1.0", // a Latin "ae" is the same a
        "แมอิล, Maeil, 0.81, 1.0",
        "แมคที, MCT, 0.0, 0.7", // Mc before a name only
        "ล็อกแอนด์ล็อก, Lock & Lock, 0.81, 1.0", // & is said "and"
    })
    void soundSimilarity(String thai, String latin, double atLeast, double atMost) {
        assertThat(Transliteration.soundSimilarity(thai, latin)).isBetween(atLeast, atMost);
    }

    @Test
    void fuzzyDistanceCountsTranspositions() {
        assertThat(Fuzzy.distance("kirie", "kirei", 2)).isEqualTo(1);
        assertThat(Fuzzy.distance("ganier", "garnier", 2)).isEqualTo(1);
        assertThat(Fuzzy.distance("ambulance", "alcenero", 2)).isEqualTo(3);
    }
}
