package io.mli.common.kb;

/** Small string-distance helpers for matching misspelt and transliterated brand names. */
public final class Fuzzy {
    private Fuzzy() {
    }

    /** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up (returning {@code max + 1}) once it must exceed {@code max}. */
    public static int distance(CharSequence a, CharSequence b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] prevPrev = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], prevPrev[j - 2] + 1); // a transposition: "Kirie" for "Kirei"
                }
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prevPrev;
            prevPrev = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /**
     * Whether the two hold the same digits in the same order, or one holds none. A near-spelling of a name with figures
     * may change its letters, not its figures: {@code 100PLUS} is no 101 PLUS, nor {@code 5M} 3M. A name without
     * figures may be written with one for a letter ({@code C0lgate}, {@code Sams0ng}: sellers do, to pass keyword
     * filters), or misspelt ({@code Cornich} for CORNICHE).
     */
    public static boolean sameDigits(CharSequence a, CharSequence b) {
        String da = digits(a);
        String db = digits(b);
        return da.isEmpty() || db.isEmpty() || da.equals(db);
    }

    private static String digits(CharSequence s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().filter(Character::isDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** 1 − distance / longer length: 1 for equal strings, 0 for nothing in common. */
    public static double similarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        if (longer == 0) {
            return 1;
        }
        return 1.0 - (double) distance(a, b, longer) / longer;
    }

    /** How many edits a key of this length may take and still count as a misspelling of it. */
    public static int allowedEdits(int keyLength) {
        return keyLength < 7 ? 0 : keyLength < 10 ? 1 : 2;
    }

    /**
     * Edits allowed for a misspelling of a brand with this many catalog products: short names only for brands common
     * enough to be misspelt often, since a short new brand is as likely to be one edit from a rare known one.
     */
    public static int allowedEdits(int keyLength, int products) {
        if (keyLength >= 5 && keyLength < 7 && products >= 5) {
            return 1;
        }
        return allowedEdits(keyLength);
    }
}
