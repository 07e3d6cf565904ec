package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.text.BrandKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {
    private static AliasEntry alias(String surface, String brand) {
        return new AliasEntry(BrandKeys.key(surface), surface, brand, AliasKind.NAME, 1.0, 0);
    }

    private static Gazetteer gazetteerOf(AliasEntry... aliases) {
        return new Gazetteer(List.of(aliases));
    }

    /** The brand ids the gazetteer finds in the title, in order. */
    private static List<String> brands(Gazetteer g, String title) {
        return g.find(title).stream().map(m -> m.alias().brandId()).toList();
    }

    /** The title's text the gazetteer's matches cover, in order. */
    private static List<String> spans(Gazetteer g, String title) {
        return g.find(title).stream().map(m -> m.span().text()).toList();
    }

    private final Gazetteer gazetteer = gazetteerOf(alias("DR ALTHEA", "dralthea"),
            alias("CP", "cp"), alias("Clear Nose", "clearnose"), alias("เคลียร์โนส", "clearnose"),
            alias("Lays", "lays"), alias("Mae Ploy", "maeploy"), alias("Mae", "mae"));

    @Test
    void matchesAcrossPunctuationSpacingAndCase() {
        List<GazetteerMatch> m = gazetteer.find("Dr.Althea Cream 50ml");
        assertThat(m).extracting(x -> x.alias().brandId()).containsExactly("dralthea");
        assertThat(m.getFirst().span().text()).isEqualTo("Dr.Althea");
    }

    @Test
    void neverMatchesInsideALatinWord() {
        assertThat(gazetteer.find("Intel CPU i5")).isEmpty();
        assertThat(gazetteer.find("CP Chicken Nuggets")).hasSize(1);
    }

    @Test
    void initialsJoinedByAnAmpersandMustBeWrittenWithIt() {
        Gazetteer g = gazetteerOf(alias("S&P", "sp"), alias("U&V", "uv"), alias("Lays", "lays"));
        assertThat(brands(g, "S&P Pork Panang Curry 300g.")).containsExactly("sp");
        assertThat(brands(g, "S & P Cookies")).containsExactly("sp");
        // Bare, the letters are something else: a seller's code, UV protection.
        assertThat(g.find("SP CAS CASING HDD EXTERNAL 2.5\" SSK USB 3.0")).isEmpty();
        assertThat(g.find("UV Protection Sunglasses")).isEmpty();
        assertThat(g.find("Lays Classic 69g")).hasSize(1); // no ampersand in the name: nothing asked
    }

    @Test
    void matchesThaiInsideRunsOfThaiText() {
        String title = "[โปรแรง]กันแดดเคลียร์โนส Clear Nose UV";
        List<GazetteerMatch> m = gazetteer.find(title);
        assertThat(m).extracting(x -> x.span().text()).containsExactly("เคลียร์โนส", "Clear Nose");
        assertThat(m.getFirst().span().start()).isEqualTo(title.indexOf("เคลียร์โนส"));
    }

    @Test
    void aThaiFormMustBeAWholeDictionaryWord() {
        Gazetteer g = gazetteerOf(alias("เลย์", "lays"), alias("ยูเซอริน", "eucerin"));
        assertThat(g.find("ข้าวบาร์เลย์ ชาอู่หลง")).isEmpty(); // barley, not Lay's
        assertThat(brands(g, "มันฝรั่งเลย์ รสโนริ")).containsExactly("lays");
        assertThat(brands(g, "ครีมยูเซอรินสูตรใหม่")).containsExactly("eucerin");
    }

    @Test
    void aThaiFormStandingAcrossTheEdgeOfAWordTheDictionaryDoesNotKnowIsNoMention() {
        // The breaker cuts มีโอเมก้า ("has omega") as มี|โอ|เม|ก้า and เห็ดชิเมจิ as เห็ด|ชิ|เม|จิ: Me-O and Meiji would
        // stand at word edges there.
        Gazetteer g = gazetteerOf(alias("มีโอ", "meo"), alias("เมจิ", "meiji"));
        assertThat(g.find("น้ำมันปลาแซลมอน มีโอเมก้า3 1,000 มก.")).isEmpty();
        assertThat(g.find("เห็ดชิเมจิขาว แพ็คละ")).isEmpty();
        assertThat(brands(g, "มีโอ เพาซ์ ปลาทู 80ก.")).containsExactly("meo");
        assertThat(brands(g, "เมจิ นมสด 450 มล.")).containsExactly("meiji");
        // With or without its tone marks; and only where the word ends: Meiji Greek yoghurt is Meiji's.
        assertThat(g.find("น้ำมันปลา มีโอเมกา3")).isEmpty();
        assertThat(brands(g, "เมจิกรีกโยเกิร์ต 135 ก.")).containsExactly("meiji");
        // Mai taikhu too: "selected" spelt ซีเล็คเต็ด or ซีเลคเต็ด is no Sealect.
        Gazetteer sealect = gazetteerOf(alias("ซีเล็ค", "sealect"));
        assertThat(sealect.find("Prowild โปรไวลด์ ซีเลคเต็ด บลู โอเชี่ยน")).isEmpty();
        assertThat(sealect.find("Prowild โปรไวลด์ ซีเล็คเต็ด บลู โอเชี่ยน")).isEmpty();
    }

    @Test
    void aThaiFormMatchesWithOrWithoutItsToneMarks() {
        Gazetteer g = gazetteerOf(alias("เซ็นโซดายน์", "sensodyne"), alias("ไวตามิลค์", "vitamilk"));
        assertThat(spans(g, "เซนโซดายน์ ยาสีฟัน 100ก.")).containsExactly("เซนโซดายน์");
        // A match that ends on a tone mark covers it: the span is the title's own spelling, whole.
        assertThat(spans(g, "นมถั่วเหลือง ไวตามิ้ลค์ 300 มล.")).containsExactly("ไวตามิ้ลค์");
        assertThat(g.find("นมไวตามิ่ 300 มล.")).isEmpty();
    }

    @Test
    void aLongThaiFormMayEndWhereTheDictionarySplitsAForeignName() {
        // The dictionary breaks สมาร์ทฮาร์ทอาหาร as สมา|ร์ท|ฮาร์|ทอา|หาร: no boundary after the brand.
        Gazetteer g = gazetteerOf(alias("สมาร์ทฮาร์ท", "smartheart"), alias("การ์มิน", "garmin"));
        assertThat(spans(g, "สมาร์ทฮาร์ทอาหารกระต่าย 1กก")).containsExactly("สมาร์ทฮาร์ท");
        // But not before a silent consonant, which ends the syllable before it: ชูการ์มินต์ is sugar mint.
        assertThat(g.find("ชูการ์มินต์ 22ก.")).isEmpty();
    }

    @Test
    void aShorterThaiFormOpeningTheTitleMayBeGluedToWhatTheProductIs() {
        // เดทตอลดิสอินเฟคแทนท์สเปรย์ (Dettol disinfectant spray) is broken as เดท|ตอ|ลดิ|…: no boundary after Dettol.
        Gazetteer g = gazetteerOf(alias("เดทตอล", "dettol"));
        assertThat(spans(g, "เดทตอลดิสอินเฟคแทนท์สเปรย์ซากุระ 450มล.")).containsExactly("เดทตอล");
        // Further in, a form that short must still end where a word does.
        assertThat(g.find("สเปรย์เดทตอลดิสอินเฟคแทนท์ 450มล.")).isEmpty();
    }

    @Test
    void aThaiFormWithMoreToneMarksThanItsLongestKeyStillMatches() {
        Gazetteer g = gazetteerOf(alias("ไวตามิลค์", "vitamilk"));
        assertThat(spans(g, "ไวตามิ้ลค์ 300 มล.")).containsExactly("ไวตามิ้ลค์");
    }

    @Test
    void aLongThaiFormTheDictionaryKnowsAsTheStartOfAWordDoesNotMatchThere() {
        // อินเทอร์เน็ต (internet) is one dictionary word: a brand spelt อินเทอร์ (Inter) is not in it.
        Gazetteer g = gazetteerOf(alias("อินเทอร์", "inter"));
        assertThat(g.find("อินเทอร์เน็ตบ้าน 1 ปี")).isEmpty();
        assertThat(brands(g, "อินเทอร์ ปากกา 1 ด้าม")).containsExactly("inter");
    }

    @Test
    void aSilentLetterEndsTheSyllableBeforeIt() {
        // Long forms the dictionary splits (สมา|ร์ท|…) may end where it sees no boundary, but not inside a syllable
        // closed by silent letters: the ทร์ of จันทร์, the ดิ์ of ศักดิ์.
        Gazetteer g = gazetteerOf(alias("สมาร์ทจัน", "moon"), alias("สมาร์ทศัก", "sak"));
        assertThat(g.find("สมาร์ทจันทร์ 5 ชิ้น")).isEmpty();
        assertThat(g.find("สมาร์ทศักดิ์ 5 ชิ้น")).isEmpty();
        assertThat(brands(g, "สมาร์ทจันอาหาร 5 ชิ้น")).containsExactly("moon");
    }

    @Test
    void aShortThaiFormNeedsItsOwnToneMarks() {
        // Without their tone marks short forms are Thai words: เกล็ด is "flake", not GLADE's เกลด.
        Gazetteer g = gazetteerOf(alias("เกลด", "glade"), alias("เลย์", "lays"));
        assertThat(g.find("เกล็ดขนมปังชุบทอด 200ก")).isEmpty();
        assertThat(g.find("พาสเล่ย์ 30 กรัม")).isEmpty();
        assertThat(brands(g, "เกลด สเปรย์ปรับอากาศ")).containsExactly("glade");
    }

    @Test
    void findsOverlappingFormsLongestFirst() {
        List<GazetteerMatch> m = gazetteer.find("Mae Ploy Red Curry Paste");
        assertThat(m).extracting(x -> x.alias().brandId()).containsExactly("maeploy", "mae");
    }

    @Test
    void locatesAKeyAtWordEdges() {
        assertThat(Gazetteer.locate("Nivea Soft 50ml", "nivea").text()).isEqualTo("Nivea");
        assertThat(Gazetteer.locate("Niveasoft", "nivea")).isNull();
    }

    @Test
    void rejectsKeysTooShortToMatchReliably() {
        Gazetteer g = gazetteerOf(alias("A", "a"), alias("นม", "milk"), alias("123", "n"));
        assertThat(g.size()).isZero();
    }
}
