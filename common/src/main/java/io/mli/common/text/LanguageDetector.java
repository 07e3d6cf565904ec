package io.mli.common.text;

import com.ibm.icu.lang.UCharacter;
import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Names a title's language by the scripts of its letters: {@code en} (Latin only), {@code th} (Thai only),
 * {@code mixed} (Thai and Latin), {@code und-Xxxx} for any other script (ISO 15924), {@code und} for no letters.
 * Latin with letters only Vietnamese writes ({@code ư}, {@code ơ}, {@code đ}, {@code ă}, tone marks on them) is
 * {@code vi}: {@code Sữa tươi Vinamilk 1L} is no English title.
 * A lone {@code x} or {@code X} used as a multiplication sign ({@code 70กX12}) does not count as Latin.
 */
public final class LanguageDetector {

    private LanguageDetector() {
    }

    public static String detect(String title) {
        Map<Script, Integer> letters = letterCounts(title);
        int latin = letters.getOrDefault(Script.LATIN, 0);
        int thai = letters.getOrDefault(Script.THAI, 0);
        if (thai > 0 && latin > 0) {
            return "mixed";
        }
        if (thai > 0) {
            return "th";
        }
        Script dominant = null;
        int best = 0;
        for (Map.Entry<Script, Integer> e : letters.entrySet()) {
            if (e.getKey() != Script.LATIN && e.getValue() > best) {
                dominant = e.getKey();
                best = e.getValue();
            }
        }
        if (dominant != null && best >= latin) {
            return "und-" + dominant.iso();
        }
        if (latin == 0) {
            return "und";
        }
        return hasVietnameseLetter(title) ? "vi" : "en";
    }

    /**
     * Letters of Vietnamese that other languages written in Latin hardly use: ă, đ, ơ, ư and the vowels with a tone
     * mark under or over another diacritic (U+1EA0–U+1EF9: ạ, ả, ấ, ầ, ữ, …).
     */
    static boolean hasVietnameseLetter(String title) {
        // Composed first: a title typed or pasted decomposed (u + horn + tilde) has the same letters.
        String s = Normalizer.isNormalized(title, Normalizer.Form.NFC) ? title
                : Normalizer.normalize(title, Normalizer.Form.NFC);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'ă' || c == 'Ă' || c == 'đ' || c == 'Đ' || c == 'ơ' || c == 'Ơ' || c == 'ư' || c == 'Ư'
                    || (c >= '\u1EA0' && c <= '\u1EF9')) {
                return true;
            }
        }
        return false;
    }

    static Map<Script, Integer> letterCounts(String title) {
        Map<Script, Integer> counts = new EnumMap<>(Script.class);
        for (int i = 0; i < title.length(); ) {
            int cp = title.codePointAt(i);
            int len = Character.charCount(cp);
            if (UCharacter.isLetter(cp) && !isMultiplicationX(title, i, cp)) {
                counts.merge(Script.of(cp), 1, Integer::sum);
            }
            i += len;
        }
        return counts;
    }

    /** An x between a number (or a Thai unit such as ก) and a number: {@code x 12}, {@code 70กX12}. */
    private static boolean isMultiplicationX(String s, int i, int cp) {
        if (cp != 'x' && cp != 'X') {
            return false;
        }
        int b = i - 1;
        while (b >= 0 && s.charAt(b) == ' ') {
            b--;
        }
        int a = i + 1;
        while (a < s.length() && s.charAt(a) == ' ') {
            a++;
        }
        boolean before = b < 0 || !isLatinLetter(s.charAt(b));
        boolean after = a >= s.length() || Character.isDigit(s.charAt(a));
        return before && after && (i + 1 >= s.length() || !isLatinLetter(s.charAt(i + 1)));
    }

    private static boolean isLatinLetter(char c) {
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }
}
