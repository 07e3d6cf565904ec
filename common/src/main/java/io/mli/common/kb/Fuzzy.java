package io.mli.common.kb;

/** Small string-distance helpers for matching misspelt and transliterated brand names. */
public final class Fuzzy {
    private Fuzzy() {
    }

    /** Levenshtein distance, giving up (returning {@code max + 1}) once it must exceed {@code max}. */
    public static int distance(CharSequence a, CharSequence b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
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
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
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
        return keyLength < 5 ? 0 : keyLength < 9 ? 1 : 2;
    }
}
