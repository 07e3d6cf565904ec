package io.mli.common.kb;

import com.ibm.icu.lang.UCharacter;
import io.mli.common.text.NormalizedText;
import io.mli.common.text.TextNormalizer;

/**
 * A title reduced to the characters that brand keys are made of (letters, marks, digits, after NFKC and case
 * folding), with, for each position, where it came from in the original title and whether a word may start or end
 * there. That lets {@code Dr.Althea}, {@code DR ALTHEA} and {@code dralthea} all match one key while never matching
 * {@code CP} inside {@code CPU}.
 *
 * <p>Word edges: in Latin and other spaced scripts an edge is where the text changes between letters, digits and
 * anything else (space, punctuation, another script). Thai has no spaces, so any position is an edge except inside a
 * syllable: never before a dependent vowel, tone mark or other combining mark, never after a leading vowel
 * ({@code เ แ โ ใ ไ}).
 */
final class CompactText {
    final String text;
    final int[] originStart;
    final int[] originEnd;
    final boolean[] startEdge;
    final boolean[] endEdge;

    private CompactText(String text, int[] originStart, int[] originEnd, boolean[] startEdge, boolean[] endEdge) {
        this.text = text;
        this.originStart = originStart;
        this.originEnd = originEnd;
        this.startEdge = startEdge;
        this.endEdge = endEdge;
    }

    static CompactText of(String title) {
        return of(TextNormalizer.normalize(title));
    }

    static CompactText of(NormalizedText nt) {
        String s = nt.text();
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        int[] os = new int[n];
        int[] oe = new int[n];
        int[] normIndex = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (keeps(c)) {
                out.append(c);
                os[m] = nt.originStart(i);
                oe[m] = nt.originEnd(i + 1);
                normIndex[m] = i;
                m++;
            }
        }
        boolean[] startEdge = new boolean[m + 1];
        boolean[] endEdge = new boolean[m + 1];
        for (int k = 0; k <= m; k++) {
            boolean edge;
            if (k == 0 || k == m || normIndex[k] != normIndex[k - 1] + 1) {
                edge = true;
            } else {
                char prev = out.charAt(k - 1);
                char cur = out.charAt(k);
                if (classOf(prev) != classOf(cur)) {
                    edge = !(isThai(prev) && isThaiFollower(cur));
                } else if (isThai(cur)) {
                    edge = !isThaiFollower(cur) && !isThaiLeader(prev) && !silent(out, k);
                } else {
                    edge = false;
                }
            }
            startEdge[k] = edge && k < m;
            endEdge[k] = edge && k > 0;
        }
        return new CompactText(out.toString(), java.util.Arrays.copyOf(os, m), java.util.Arrays.copyOf(oe, m),
                startEdge, endEdge);
    }

    static boolean keeps(char c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private static int classOf(char c) {
        if (c == ' ') {
            return 0;
        }
        if (Character.isDigit(c)) {
            return 1;
        }
        if (isThai(c)) {
            return 2;
        }
        if (UCharacter.getType(c) == UCharacter.NON_SPACING_MARK) {
            return 3;
        }
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN ? 4 : 5;
    }

    static boolean isThai(char c) {
        return io.mli.common.text.Script.isThai(c);
    }

    /** Characters that cannot begin a Thai syllable: dependent vowels, tone and other marks, sara a/aa/am. */
    static boolean isThaiFollower(char c) {
        return c == '\u0E30' || c == '\u0E32' || c == '\u0E33' || c == '\u0E45' || c == '\u0E46'
                || (c >= '\u0E31' && c <= '\u0E3A' && c != '\u0E32' && c != '\u0E33' && c != '\u0E30')
                || (c >= '\u0E47' && c <= '\u0E4E');
    }

    /**
     * Whether the letter at {@code k} is silent, under thanthakhat: it ends the syllable before it, so no word starts
     * there. The mark stands on the letter (the ต์ of มินต์), on a vowel above or below it (the ดิ์ of ศักดิ์), or on
     * the second of two silent letters (the ทร์ of จันทร์).
     */
    private static boolean silent(CharSequence s, int k) {
        int n = s.length();
        if (k + 1 >= n) {
            return false;
        }
        char next = s.charAt(k + 1);
        if (next == THANTHAKHAT) {
            return true;
        }
        if (k + 2 >= n || s.charAt(k + 2) != THANTHAKHAT) {
            return false;
        }
        return next >= '\u0E34' && next <= '\u0E39' || isThai(next) && !isThaiFollower(next) && !isThaiLeader(next);
    }

    private static final char THANTHAKHAT = '\u0E4C';

    /** Leading vowels, written before the consonant they follow in speech: a syllable cannot end on one. */
    static boolean isThaiLeader(char c) {
        return c >= '\u0E40' && c <= '\u0E44';
    }
}
