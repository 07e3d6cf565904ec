package io.mli.common.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

/**
 * Normalises titles for matching while keeping offsets into the original: NFKC with case folding (which also drops
 * default-ignorable characters such as zero-width spaces and joiners), decimal digits of any script (Thai {@code ๑๒})
 * to ASCII, control characters and odd spaces to a plain space, runs of spaces collapsed. Thai sara am and its
 * nikhahit + sara aa spelling both come out as the same NFKC form, so either spelling matches. HTML character
 * references ({@code &#39;}, {@code &amp;}) read as the characters they stand for ({@link HtmlEntities}).
 */
public final class TextNormalizer {
    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();

    /** ™ and ℠: NFKC spells them as letters ({@code Core™} would read "coretm"), but they are marks, not words. */
    private static final char TRADEMARK = '\u2122';
    private static final char SERVICE_MARK = '\u2120';

    private TextNormalizer() {
    }

    /** The text with ™ and ℠ as spaces, as {@link #normalize} reads them ({@code Nivea™} is Nivea). */
    static String withoutTrademarkSigns(String text) {
        return text.replace(TRADEMARK, ' ').replace(SERVICE_MARK, ' ');
    }

    public static NormalizedText normalize(String title) {
        StringBuilder out = new StringBuilder(title.length() + 8);
        int[] origin = new int[title.length() * 3 + 1];
        int n = 0;
        for (int i = 0; i < title.length(); ) {
            int cp = title.codePointAt(i);
            int len = Character.charCount(cp);
            int[] entity = cp == '&' ? HtmlEntities.at(title, i) : null;
            if (entity != null) { // Lay&#39;s reads as Lay's; the decoded character keeps the reference's offset
                cp = entity[0];
                len = entity[1];
            }
            int marks = entity == null && UCharacter.isLetter(cp) ? marksAfter(title, i + len) : 0;
            // A letter and the combining marks after it are normalised together, so a title typed or pasted
            // decomposed (e + U+0301, Vietnamese u + horn + tilde) reads as the composed one; all of it keeps the
            // letter's offset.
            String mapped = marks == 0 ? map(cp) : NFKC_CF.normalize(title.substring(i, i + len + marks));
            len += marks;
            for (int k = 0; k < mapped.length(); k++) {
                char c = mapped.charAt(k);
                if (c == ' ' && (n == 0 || out.charAt(n - 1) == ' ')) {
                    continue; // collapse and trim leading spaces
                }
                if (n + 1 >= origin.length) {
                    origin = java.util.Arrays.copyOf(origin, origin.length * 2);
                }
                out.append(c);
                origin[n++] = i;
            }
            i += len;
        }
        boolean trimmed = false;
        while (n > 0 && out.charAt(n - 1) == ' ') {
            out.setLength(--n);
            trimmed = true;
        }
        if (!trimmed) {
            origin[n] = title.length();
        } // else origin[n] is where the trimmed space came from: a span ending the title ends before it (&nbsp;)
        return new NormalizedText(title, out.toString(), java.util.Arrays.copyOf(origin, n + 1));
    }

    /** The normalised text alone, for keys and features. */
    public static String normalizeText(String title) {
        return normalize(title).text();
    }

    /** How many chars of combining marks follow at {@code from}. */
    private static int marksAfter(String title, int from) {
        int j = from;
        while (j < title.length()) {
            int cp = title.codePointAt(j);
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                break;
            }
            j += Character.charCount(cp);
        }
        return j - from;
    }

    private static String map(int cp) {
        if (Character.isISOControl(cp) || Character.isSpaceChar(cp) || Character.isWhitespace(cp)) {
            return " ";
        }
        if (cp == TRADEMARK || cp == SERVICE_MARK) {
            return " ";
        }
        if (UCharacter.getType(cp) == UCharacter.DECIMAL_DIGIT_NUMBER && cp > 0x7f) {
            return String.valueOf((char) ('0' + UCharacter.digit(cp, 10)));
        }
        int type = Character.getType(cp);
        if (type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
            return " ";
        }
        return NFKC_CF.normalize(new String(Character.toChars(cp)));
    }
}
