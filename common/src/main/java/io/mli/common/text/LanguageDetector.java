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

    private static boolean isMultiplicationX(String s, int i, int cp) {
        if (cp != 'x' && cp != 'X') {
            return false;
        }
        boolean before = i == 0 || !Character.isLetter(s.charAt(i - 1));
        boolean after = i + 1 >= s.length() || !Character.isLetter(s.charAt(i + 1));
        return before && after;
    }
}
