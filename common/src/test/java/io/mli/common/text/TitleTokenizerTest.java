package io.mli.common.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TitleTokenizerTest {

    @Test
    void everyTokenCarriesItsOffsetsInTheOriginalTitle() {
        String title = "[โปรแรง]กันแดดเคลียร์โนส Clear Nose UV Sun Serum SPF50+PA++++ 80ml 1ชิ้น(CUV)";
        List<Token> tokens = TitleTokenizer.tokenize(title);
        assertThat(tokens).isNotEmpty();
        for (Token t : tokens) {
            assertThat(title.substring(t.start(), t.end())).isEqualTo(t.text());
        }
    }

    @Test
    void segmentsThaiWithoutSpaces() {
        List<Token> tokens = TitleTokenizer.tokenize("น้ำตาลทรายขาว");
        assertThat(tokens).hasSizeGreaterThan(1).allMatch(t -> t.type() == TokenType.THAI);
        assertThat(String.join("", tokens.stream().map(Token::text).toList())).isEqualTo("น้ำตาลทรายขาว");
    }

    @Test
    void saraAmDoesNotSplitAThaiWord() {
        // NFKC spells ำ as ํ + า; the words must still come out whole, each once, with their original offsets.
        assertThat(texts("iPhone 15 สีดำ")).containsExactly("iPhone", "15", "สี", "ดำ");
        assertThat(texts("น้ำปลาแท้")).containsExactly("น้ำปลา", "แท้");
        String spelledApart = "น\u0E49\u0E4D\u0E32ปลา"; // the same words typed with nikhahit + sara aa
        assertThat(texts(spelledApart)).containsExactly(spelledApart);
    }

    @Test
    void keepsNumbersWithTheirUnits() {
        assertThat(texts("Lotion 250ml")).contains("250ml");
        assertThat(texts("ทีวี 16นิ้ว")).contains("16นิ้ว");
        assertThat(texts("Serum SPF50+ 2.5 g")).contains("SPF50+", "2.5");
        assertThat(TitleTokenizer.tokenize("Lotion 250ml").get(1).type()).isEqualTo(TokenType.MEASURE);
    }

    @Test
    void aThaiWordEndsWhereAFigureFollowsIt() {
        // The dictionary breaker glues the last letter of แพนทีน (Pantene) to the figure: แพ|นที|น380.
        List<Token> tokens = TitleTokenizer.tokenize("แพนทีน380มล");
        assertThat(tokens.getLast().text()).isEqualTo("380มล");
        assertThat(tokens.getLast().type()).isEqualTo(TokenType.MEASURE);
        assertThat(TitleTokenizer.wordBoundaries("แพนทีน380มล").get("แพนทีน".length())).isTrue();
        assertThat(texts("ไฮคิว1พลัส")).startsWith("ไฮ", "คิว");
    }

    @Test
    void marksPromotionTags() {
        List<Token> tokens = TitleTokenizer.tokenize("[โปรแรง] Sandisk Ultra #Garansi Resmi#");
        assertThat(tokens.stream().filter(Token::inTag).map(Token::text)).contains("โปร", "แรง", "Garansi", "Resmi");
        assertThat(tokens.stream().filter(t -> !t.inTag()).map(Token::text)).contains("Sandisk", "Ultra");
        assertThat(TitleTokenizer.firstWordStart(tokens)).isEqualTo("[โปรแรง] ".length());
    }

    @Test
    void aHashtagRunsToTheNextSpace() {
        List<Token> tokens = TitleTokenizer.tokenize("Long Keep Gel 225g. #ของแท้100% ส่งฟรี");
        assertThat(tokens.stream().filter(Token::inTag).map(Token::text)).containsExactly("#", "ของ", "แท้", "100",
                "%");
        assertThat(tokens.stream().filter(t -> !t.inTag()).map(Token::text)).contains("Long", "ส่ง", "ฟรี");
        // A code after a hash is a tag too; a closing hash ends a pair as before.
        assertThat(TitleTokenizer.tokenize("ผ้าไมโครไฟเบอร์ #JC246-TH").stream().filter(Token::inTag)
                .map(Token::text)).contains("JC246");
        assertThat(TitleTokenizer.tokenize("Sandisk #Garansi Resmi# Ultra").stream().filter(t -> !t.inTag())
                .map(Token::text)).containsExactly("Sandisk", "Ultra");
        // Hashtags one after another are each a hashtag, not a pair of hashes with the words between.
        assertThat(TitleTokenizer.tokenize("Nivea Cream #ของแท้ #ส่งฟรี #พร้อมส่ง").stream().filter(t -> !t.inTag())
                .map(Token::text)).containsExactly("Nivea", "Cream");
        // Glued hashtags are one; a lone "# " pairs with no hashtag after it.
        assertThat(TitleTokenizer.tokenize("#ของแท้#ส่งฟรี ZEBRA ปากกา").stream().filter(t -> !t.inTag())
                .map(Token::text)).containsExactly("ZEBRA", "ปากกา");
        assertThat(TitleTokenizer.tokenize("# Nivea #ส่งฟรี").stream().filter(t -> !t.inTag())
                .map(Token::text)).containsExactly("Nivea");
        // A "<" with no ">" after it opens no tag.
        assertThat(TitleTokenizer.tokenize("Size < 5 Zabrina Rice").stream().filter(Token::inTag)).isEmpty();
    }

    @Test
    void latinLettersGluedToThaiAreTwoWords() {
        assertThat(texts("TYESOแก้วสแตนเลส 600ML")).startsWith("TYESO", "แก้ว");
        assertThat(texts("ครีมNivea")).containsExactly("ครีม", "Nivea");
        // A Latin letter with a combining accent typed after it ends the word all the same.
        assertThat(TitleTokenizer.wordBoundaries("Cafe\u0301เนสกาแฟ").get("Cafe\u0301".length())).isTrue();
    }

    @Test
    void tellsCodesFromWords() {
        List<Token> tokens = TitleTokenizer.tokenize("Sandisk CZ48 32GB");
        assertThat(tokens.get(0).type()).isEqualTo(TokenType.LATIN);
        assertThat(tokens.get(1).type()).isEqualTo(TokenType.CODE);
        assertThat(tokens.get(2).type()).isEqualTo(TokenType.MEASURE);
    }

    private static List<String> texts(String title) {
        return TitleTokenizer.tokenize(title).stream().map(Token::text).toList();
    }
}
