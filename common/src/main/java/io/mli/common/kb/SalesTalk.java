package io.mli.common.kb;

import io.mli.common.text.HtmlEntities;
import io.mli.common.text.LanguageDetector;
import io.mli.common.text.Script;
import io.mli.common.text.TitleTokenizer;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The seller's promotion around a product's name: tags in square, lenticular, curly or angle brackets
 * ({@code [โปรแรง]}, {@code 【ลดราคา】}), hashtags ({@code #ของแท้100%}), Thai sales talk ({@code ส่งฟรี} "free
 * delivery", {@code พร้อมส่ง} "ready to ship", listed in {@code thai-sales-talk.txt} beside this class) and Thai units
 * after a number ({@code 1ชิ้น}, {@code 500 กรัม}). None of it says in which script the product is named, so the
 * decisions that depend on a title being Thai ask {@link #productLanguage}: {@code Long Keep Super Hard Gel 225g.
 * #ของแท้100% ส่งฟรี} is an English title, and is answered as one. Parentheses are left alone: sellers put the
 * product's own words in them ({@code (SiamSpice Seedless Tamarind 500 g.)}).
 */
public final class SalesTalk {
    private static final List<String> THAI = WordList.read("thai-sales-talk.txt").stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    private static final String OPENERS = "[【{<「〔";
    private static final String CLOSERS = "]】}>」〕";
    /** Thai units are at most this long ({@code กิโลกรัม}). */
    private static final int LONGEST_UNIT = 8;
    /** Two letters in a row: a word, not a unit's letter ({@code L} of {@code 1.8L}). */
    private static final Pattern WORD = Pattern.compile("\\p{L}\\p{M}*\\p{L}");

    private SalesTalk() {
    }

    /**
     * The language of the title's product text ({@link LanguageDetector#detect}, once the promotion is left out); the
     * title's own when what is left has no word of two letters or more ({@code #หม้อหุงข้าว 1.8L #SRC1812}: a unit is
     * no product text).
     */
    public static String productLanguage(String title) {
        return productLanguage(title, LanguageDetector.detect(title));
    }

    /** As {@link #productLanguage(String)}, for a title whose language {@link LanguageDetector} has given. */
    public static String productLanguage(String title, String language) {
        if (!"th".equals(language) && !"mixed".equals(language)) {
            return language; // only Thai promotion can change the answer, and there is none
        }
        String product = blanked(title);
        return WORD.matcher(product).find() ? LanguageDetector.detect(product) : language;
    }

    /** Whether the title's product text, promotion left out, is written (partly) in Thai: {@link #productLanguage}. */
    public static boolean thaiProductText(String title) {
        String language = productLanguage(title);
        return "th".equals(language) || "mixed".equals(language);
    }

    /**
     * The title with its promotion replaced by spaces, character for character, so that offsets into it are offsets
     * into the title.
     */
    public static String blanked(String title) {
        char[] out = title.toCharArray();
        blankTags(out);
        blankThaiTalk(out);
        return new String(out);
    }

    /** Bracketed tags (a closing bracket must follow; parentheses are not tags) and hashtags. */
    private static void blankTags(char[] s) {
        for (int i = 0; i < s.length; i++) {
            int open = OPENERS.indexOf(s[i]);
            if (open >= 0) {
                int close = indexOf(s, CLOSERS.charAt(open), i + 1);
                if (close > 0) {
                    Arrays.fill(s, i, close + 1, ' ');
                    i = close;
                }
            } else if ((s[i] == '#' || s[i] == '＃') && i + 1 < s.length && !space(s, i + 1)
                    && !(i > 0 && s[i - 1] == '&')) { // not the # of &#39;
                int end = i + 1;
                while (end < s.length && !space(s, end) && s[end] != '#' && s[end] != '＃') {
                    end++;
                }
                Arrays.fill(s, i, end, ' ');
                i = end - 1;
            }
        }
    }

    /** Runs of Thai letters made only of sales talk, or of a unit after a number with sales talk after it. */
    private static void blankThaiTalk(char[] s) {
        for (int i = 0; i < s.length; ) {
            if (!Script.isThaiNonDigit(s[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < s.length && Script.isThaiNonDigit(s[end])) {
                end++;
            }
            String run = new String(s, i, end - i);
            // A unit after a number (2ขวด สุดคุ้ม), unless the run is talk without it: ล of ลดราคา is no litre.
            if (withoutTalk(run).isEmpty()
                    || afterNumber(s, i) && withoutTalk(run.substring(unitLength(run))).isEmpty()) {
                Arrays.fill(s, i, end, ' ');
            }
            i = end;
        }
    }

    /** The run with every sales-talk phrase taken out, longest first. */
    private static String withoutTalk(String run) {
        for (String phrase : THAI) {
            if (run.isEmpty()) {
                break;
            }
            run = run.replace(phrase, "");
        }
        return run;
    }

    /** A space of any kind at {@code i}, or an HTML reference to one ({@code &nbsp;}). */
    private static boolean space(char[] s, int i) {
        if (Character.isWhitespace(s[i]) || Character.isSpaceChar(s[i])) {
            return true;
        }
        int[] ref = s[i] == '&' ? HtmlEntities.at(CharBuffer.wrap(s), i) : null;
        return ref != null && Character.isSpaceChar(ref[0]);
    }

    private static boolean afterNumber(char[] s, int i) {
        int k = i - 1;
        while (k >= 0 && s[k] == ' ') {
            k--;
        }
        return k >= 0 && Character.isDigit(s[k]);
    }

    /** The length of the longest Thai unit ({@code ชิ้น}, {@code กรัม}, {@code มล.}) the run opens with; 0 if none. */
    private static int unitLength(String run) {
        for (int n = Math.min(LONGEST_UNIT, run.length()); n > 0; n--) {
            if (TitleTokenizer.isUnit(run.substring(0, n))) {
                return n;
            }
        }
        return 0;
    }

    private static int indexOf(char[] s, char c, int from) {
        for (int i = from; i < s.length; i++) {
            if (s[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
