package io.mli.ner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.text.TitleTokenizer;
import io.mli.common.text.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the CRF reads of a title's tokens. */
class TokenFeaturesTest {

    @Test
    void aLatinTitleInCapitalsIsReadCapitalisedKeepingShortWordsAndOffsets() {
        String title = "KON THAI HOM MALI RICE 5KG TV";
        List<Token> written = TitleTokenizer.tokenize(title);
        List<Token> read = TokenFeatures.asCapitalised(title, written);
        assertThat(read).extracting(Token::text).containsExactly("KON", "Thai", "HOM", "Mali", "Rice", "5KG", "TV");
        assertThat(read).extracting(TokenFeatures::shape).containsExactly("UPs", "CAP", "UPs", "CAP", "CAP", "MEAS",
                "UPs");
        assertThat(read).extracting(Token::start).isEqualTo(written.stream().map(Token::start).toList());
        assertThat(read).extracting(Token::norm).isEqualTo(written.stream().map(Token::norm).toList());
    }

    @Test
    void promotionAndHtmlReferencesDoNotStopIt() {
        for (String title : List.of("OCTOBER FIFTH SESAME CRACKER #ส่งฟรี", "OCTOBER FIFTH SESAME CRACKER ส่งฟรี",
                "OCTOBER FIFTH SESAME CRACKER [new]", "OCTOBER FIFTH&apos;S SESAME CRACKER")) {
            assertThat(TokenFeatures.asCapitalised(title, TitleTokenizer.tokenize(title))).as(title)
                    .extracting(Token::text)
                    .contains("October");
        }
    }

    @Test
    void otherTitlesAreReadAsWritten() {
        for (String title : List.of("Kon Thai Hom Mali Rice 5kg", "buttermilk pancake", "ME STYLE DISNEY เซ็ทสปอร์ต",
                "กระดาษทิชชู่ 6 ม้วน", "SPACE CROWN (หมวกกันน็อค)")) {
            List<Token> written = TitleTokenizer.tokenize(title);
            assertThat(TokenFeatures.asCapitalised(title, written)).as(title).isSameAs(written);
        }
    }
}
