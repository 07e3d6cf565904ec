package io.mli.ner.engine;

import io.mli.common.domain.Span;
import io.mli.common.kb.ProductWords;
import io.mli.common.text.Script;
import io.mli.common.text.ThaiLetterNames;
import io.mli.common.text.TitleTokenizer;
import java.util.Locale;
import java.util.Set;

/**
 * A Thai title that opens with Latin initials spelt in Thai letter names ({@code พีเอฟพี ปูอัดโชกุนแช่แข็ง}: PFP crab
 * sticks) names its brand by them: Thai shops write their suppliers' initials so ({@code ทีจีเอ็ม}, {@code เอเอฟเอ็ม},
 * {@code บีเคพี}), as they write {@code ซีพี} for CP. The initials are looked up in the knowledge base; unknown, they
 * are a new brand written in capitals, with the title's Thai spelling as its other name. Letters that say what the
 * product is ({@code ทีวี} TV, {@code ยูเอชที} UHT) are no brand. Immutable and thread-safe.
 */
final class ThaiInitials {
    /**
     * The score of a brand so named. The catalog has no Thai titles to fit it on: it is the share right in a
     * hand-checked sample of unlabelled Thai shop titles (see docs/accuracy.md), and the calibration passes it
     * through.
     */
    static final double NEW = 0.9;
    static final int MIN_LETTERS = 2;
    static final int MAX_LETTERS = 5;
    /**
     * Initials that say what a product is, what it has or how it is rated, and words Thai spells as letters
     * ({@code โอเค} "okay", {@code ไอที}), wherever a title stands them.
     */
    static final Set<String> PRODUCT_LETTERS = Set.of("tv", "uv", "uht", "spf", "pa", "bb", "cc", "dd", "cd", "dvd",
            "hd", "uhd", "led", "lcd", "usb", "otg", "hdmi", "vga", "pvc", "abs", "vip", "diy", "aa", "aaa", "ssd", "hdd",
            "ram", "rom", "cpu", "gpu", "nfc", "sim", "gps", "cctv", "ac", "dc", "pp", "pe", "pet", "ph", "dha", "aha",
            "bha", "msg", "bbq", "ok", "it", "dna", "atm", "fm", "am", "qc", "gmp", "fda", "iso", "xs", "xl", "xxl",
            "xxxl");

    private final BrandResolver resolver;
    private final Vocabulary vocabulary; // null without a CRF model

    ThaiInitials(BrandResolver resolver, Vocabulary vocabulary) {
        this.resolver = resolver;
        this.vocabulary = vocabulary;
    }

    /** The brand the title's opening initials name, or null when it does not open with such initials. */
    NerEngine.Candidate find(String title, int firstWordStart) {
        int end = firstWordStart;
        while (end < title.length() && Script.isThai(title.charAt(end))) {
            end++;
        }
        if (end == firstWordStart || end < title.length() && !Character.isWhitespace(title.charAt(end))
                && !Character.isSpaceChar(title.charAt(end))) {
            return null; // not a Thai word of its own (glued to figures, Latin or brackets)
        }
        String thai = title.substring(firstWordStart, end);
        String initials = ThaiLetterNames.initials(thai);
        if (initials == null || initials.length() < MIN_LETTERS || initials.length() > MAX_LETTERS
                || productLetters(initials.toLowerCase(Locale.ROOT))) {
            return null;
        }
        Span span = new Span(firstWordStart, end, thai);
        BrandResolver.Resolution r = resolver.resolve(initials);
        if (r.brand() != null && r.how().equals("exact")) {
            // A known brand's initials, spelt in Thai as the knowledge base had not seen (เคเอฟซี for KFC): as sure
            // as unknown ones, and the Thai spelling becomes one of its names.
            return new NerEngine.Candidate(r.brand(), r.brand().name(), span, NEW, "transliteration", thai,
                    "initials");
        }
        return new NerEngine.Candidate(null, initials, span, NEW, "initials", thai, "initials");
    }

    private boolean productLetters(String lower) {
        return PRODUCT_LETTERS.contains(lower) || ProductWords.containsNormalised(lower) || TitleTokenizer.isUnit(lower)
                || vocabulary != null && vocabulary.isProductWord(lower);
    }
}
