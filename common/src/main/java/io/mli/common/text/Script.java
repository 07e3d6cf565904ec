package io.mli.common.text;

import com.ibm.icu.lang.UScript;

/** The writing systems the product tells apart; anything else is {@link #OTHER}. */
public enum Script {
    LATIN, THAI, HAN, HANGUL, JAPANESE, CYRILLIC, ARABIC, OTHER, NONE;

    public static Script of(int codePoint) {
        int s = UScript.getScript(codePoint);
        return switch (s) {
            case UScript.LATIN -> LATIN;
            case UScript.THAI -> THAI;
            case UScript.HAN -> HAN;
            case UScript.HANGUL -> HANGUL;
            case UScript.HIRAGANA, UScript.KATAKANA -> JAPANESE;
            case UScript.CYRILLIC -> CYRILLIC;
            case UScript.ARABIC -> ARABIC;
            case UScript.COMMON, UScript.INHERITED, UScript.UNKNOWN -> NONE;
            default -> OTHER;
        };
    }

    /** True for a character of the Thai block (letters, vowels, tone marks, digits). */
    public static boolean isThai(char c) {
        return c >= '\u0E00' && c <= '\u0E7F';
    }

    /** True for a character of the Thai block other than a Thai digit: letters, vowels, marks, ฿. */
    public static boolean isThaiNonDigit(char c) {
        return isThai(c) && !Character.isDigit(c);
    }

    /**
     * True for the four Thai tone marks (mai ek to mai chattawa). Shops often misspell or drop them in the Thai
     * spelling of a foreign name, so matching and embedding may leave them out.
     */
    public static boolean isThaiToneMark(int c) {
        return c >= '\u0E48' && c <= '\u0E4B';
    }

    /** True when the text has any Thai character. */
    public static boolean hasThai(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (isThai(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** ISO 15924 code, used in {@code und-Xxxx} language tags. */
    public String iso() {
        return switch (this) {
            case LATIN -> "Latn";
            case THAI -> "Thai";
            case HAN -> "Hani";
            case HANGUL -> "Hang";
            case JAPANESE -> "Jpan";
            case CYRILLIC -> "Cyrl";
            case ARABIC -> "Arab";
            default -> "Zyyy";
        };
    }
}
