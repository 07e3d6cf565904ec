package io.mli.common.text;

import java.util.Map;

/**
 * HTML character references left in titles by scraping and export tools ({@code Lay&#39;s}, {@code M&amp;M's},
 * {@code 100ml&nbsp;}): the numeric ones and the few named ones that product titles carry. A title is matched as if
 * they were decoded; the title itself is kept as written.
 */
public final class HtmlEntities {
    private static final Map<String, Integer> NAMED = Map.of("amp", (int) '&', "lt", (int) '<', "gt", (int) '>',
            "quot", (int) '"', "apos", (int) '\'', "nbsp", 0xA0, "reg", 0xAE, "trade", 0x2122, "copy", 0xA9);
    /** {@code &#x1F600;} is the longest reference decoded, besides the named ones. */
    private static final int LONGEST = 10;

    private HtmlEntities() {
    }

    /**
     * The reference starting at {@code i} (at an {@code &}): {@code {codePoint, length}}, or null when there is none
     * (a plain ampersand, as in {@code Snacks & Desserts} or {@code P&G}).
     */
    public static int[] at(CharSequence s, int i) {
        if (s.charAt(i) != '&') {
            return null;
        }
        int end = -1;
        for (int j = i + 1; j < s.length() && j <= i + LONGEST; j++) {
            if (s.charAt(j) == ';') {
                end = j;
                break;
            }
        }
        if (end < 0) {
            return null;
        }
        String body = s.subSequence(i + 1, end).toString();
        int cp;
        try {
            if (body.startsWith("#x") || body.startsWith("#X")) {
                cp = digits(body.substring(2), 16);
            } else if (body.startsWith("#")) {
                cp = digits(body.substring(1), 10);
            } else {
                Integer named = NAMED.get(body);
                if (named == null) {
                    return null;
                }
                cp = named;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return Character.isValidCodePoint(cp) && cp != 0 && !(cp >= 0xD800 && cp <= 0xDFFF)
                ? new int[] {cp, end + 1 - i} : null;
    }

    /** The number the digits spell, or NumberFormatException: no sign, no empty string. */
    private static int digits(String s, int radix) {
        if (s.isEmpty() || s.chars().anyMatch(c -> Character.digit(c, radix) < 0 || c > 'f')) {
            throw new NumberFormatException(s);
        }
        return Integer.parseInt(s, radix);
    }

    /** The text with its references decoded (a new brand's name as a reader would write it). */
    public static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int[] ref = at(s, i);
            if (ref != null) {
                out.appendCodePoint(ref[0]);
                i += ref[1];
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }
}
