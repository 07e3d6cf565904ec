package io.mli.common.text;

import com.ibm.icu.lang.UCharacter;
import java.util.EnumMap;
import java.util.Map;

/**
 * Names a title's language by the scripts of its letters: {@code en} (Latin only), {@code th} (Thai only),
 * {@code mixed} (Thai and Latin), {@code und-Xxxx} for any other script (ISO 15924), {@code und} for no letters.
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
        return latin > 0 ? "en" : "und";
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
