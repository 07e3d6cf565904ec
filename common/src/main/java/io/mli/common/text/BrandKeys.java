package io.mli.common.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;

/**
 * The matching key of a brand name: Unicode NFKC, case folding, and nothing but letters, marks and digits. This is
 * the evaluation's own rule, so {@code LAY'S} and {@code Lays}, or {@code Dr.Althea} and {@code DR ALTHEA}, share a
 * key. Thai digits become ASCII digits first.
 */
public final class BrandKeys {
    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();

    private BrandKeys() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String folded = NFKC_CF.normalize(TextNormalizer.withoutTrademarkSigns(HtmlEntities.decode(name)));
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            int type = UCharacter.getType(cp);
            if (UCharacter.isLetter(cp) || type == UCharacter.NON_SPACING_MARK || type == UCharacter.COMBINING_SPACING_MARK
                    || type == UCharacter.ENCLOSING_MARK) {
                out.appendCodePoint(cp);
            } else if (type == UCharacter.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + UCharacter.digit(cp, 10)));
            }
        }
        return out.toString();
    }

    /**
     * The text without the accents of its Latin letters ({@code nestlé} → {@code nestle}); text with Thai, whose vowels
     * are marks too, as it is.
     */
    public static String withoutAccents(String text) {
        if (Script.hasThai(text)) {
            return text;
        }
        return java.text.Normalizer.normalize(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", ""), java.text.Normalizer.Form.NFC);
    }

    /** True when two names are the same brand under the evaluation's matching rule (and neither is empty). */
    public static boolean same(String a, String b) {
        String ka = key(a);
        return !ka.isEmpty() && ka.equals(key(b));
    }
}
