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
    void loanwordsAreSpeltWithAndWithoutTheirSilentLetters() {
        // มิลค์ keeps the k Thai silences; คาร์เนชั่น drops the r; แมคไวตี้ has no possessive.
        assertThat(Transliteration.variants("เอ็มมิลค์")).contains(Transliteration.ofLatin("M Milk"));
        assertThat(Transliteration.variants("คาร์เนชั่น")).containsAnyElementsOf(Transliteration.variants("Carnation"));
        assertThat(Transliteration.ofLatin("McVitie's")).isEqualTo(Transliteration.ofThai("แมคไวตี้"));
        assertThat(Transliteration.variants("นีเวีย")).hasSize(1);
    }

    @Test
    void vowelsTellSoundAlikesFromWordsThatOnlyShareConsonants() {
        assertThat(Transliteration.soundSimilarity("ไบโอวิต", "Biovitt")).isGreaterThanOrEqualTo(0.9);
        assertThat(Transliteration.soundSimilarity("ทีพอท", "Tea Pot")).isGreaterThanOrEqualTo(0.9);
        assertThat(Transliteration.soundSimilarity("ทีพอท", "Tip Top")).isLessThan(0.7);
        assertThat(Transliteration.soundSimilarity("คุ้มค่า", "GOMUC")).isLessThan(0.7);
    }

    @Test
    void soundsAreComparedAsThaiWritesThemForEnglish() {
        // แ writes the English short a, Mc is said "mac", and a final "ie" is one vowel: แมคไวตี้ is McVitie's.
        assertThat(Transliteration.soundSimilarity("แมคไวตี้", "McVitie's")).isGreaterThan(0.8);
        assertThat(Transliteration.soundSimilarity("แมคไวตี้", "Mcvities")).isGreaterThan(0.8);
        assertThat(Transliteration.soundSimilarity("แมคไวตี้", "Mighty")).isLessThan(0.7);
        // Mr is "mister", Uni "yuni": หมูแชมป์ (pork meatballs) is no Mr.Champ, แอนิเทค (Anitech) no Unitek.
        assertThat(Transliteration.soundSimilarity("หมูแชมป์", "Mr.Champ")).isLessThan(0.7);
        assertThat(Transliteration.soundSimilarity("แอนิเทค", "Unitek")).isLessThan(0.8);
        assertThat(Transliteration.soundSimilarity("แอนิเทค", "UNITEK")).isLessThan(0.8);
        assertThat(Transliteration.soundSimilarity("ยูนิเทค", "Unitek")).isGreaterThan(0.8);
    }

    @Test
    void fuzzyDistanceCountsTranspositions() {
        assertThat(Fuzzy.distance("kirie", "kirei", 2)).isEqualTo(1);
        assertThat(Fuzzy.distance("ganier", "garnier", 2)).isEqualTo(1);
        assertThat(Fuzzy.distance("ambulance", "alcenero", 2)).isEqualTo(3);
    }
}
