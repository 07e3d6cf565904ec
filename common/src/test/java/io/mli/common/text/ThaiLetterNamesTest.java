package io.mli.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThaiLetterNamesTest {

    @ParameterizedTest
    @CsvSource({
        "ซีพี, CP",
        "เอเอฟเอ็ม, AFM",
        "ทีจีเอ็ม, TGM",
        "พีเอฟพี, PFP",
        "โอจีเอ็กซ์, OGX",
        "ดับเบิลยูดับบลิวเอฟ, WWF",
        "เอ็มเค, MK",
    })
    void readsInitialsSpeltInThai(String thai, String latin) {
        assertThat(ThaiLetterNames.initials(thai)).isEqualTo(latin);
    }

    @ParameterizedTest
    @CsvSource({"ไส้กรอก", "มีโอ่", "เอ็มเคx", "''"})
    void aWordThatIsNotOnlyLetterNamesHasNone(String thai) {
        assertThat(ThaiLetterNames.initials(thai)).isNull();
    }
}
