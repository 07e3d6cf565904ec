package io.mli.common.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Thai words that the dictionary word breaker does not know and cuts into pieces, one of which spells a brand's Thai
 * name: {@code มีโอเมก้า} ("has omega") is broken {@code มี|โอ|เม|ก้า}, and {@code มีโอ} is Me-O. The gazetteer needs a
 * Thai name to start and end where a dictionary word does, which these pieces satisfy, so a name standing across the
 * edge of one of these words is no mention of it. A word is found with or without its tone marks and mai taikhu
 * ({@code โอเมกา}), and only where a word ends after it: in {@code เมจิกรีกโยเกิร์ต} (Meiji Greek yoghurt) the letters
 * of {@code เมจิก} ("magic") run on into {@code กรีก}, and Meiji stands. The list is {@code thai-unsplit-words.txt}
 * beside this class.
 */
final class ThaiUnsplitWords {
    private static final List<String> WORDS = WordList.read("thai-unsplit-words.txt").stream()
            .map(Gazetteer::withoutToneMarks).toList();

    private ThaiUnsplitWords() {
    }

    /**
     * Where the listed words stand in the title, as {@code [start, end)} pairs: with or without their tone marks, and
     * only where a word ends after them ({@code wordEndsAt}).
     */
    static List<int[]> in(String title, IntPredicate wordEndsAt) {
        List<int[]> out = new ArrayList<>();
        for (String w : WORDS) {
            for (int at = 0; at < title.length(); at++) {
                int after = matchEnd(title, at, w);
                if (after > 0 && wordEndsAt.test(after)) {
                    out.add(new int[] {at, after});
                }
            }
        }
        return out;
    }

    /** Whether [start, end) starts or ends strictly inside one of the words found ({@link #in}). */
    static boolean cut(List<int[]> words, int start, int end) {
        for (int[] w : words) {
            if (w[0] < start && start < w[1] || w[0] < end && end < w[1]) {
                return true;
            }
        }
        return false;
    }

    /** Where the toneless word ends if it stands at {@code at}, tone marks in the title skipped; else -1. */
    private static int matchEnd(String title, int at, String word) {
        int i = at;
        for (int k = 0; k < word.length(); k++, i++) {
            while (k > 0 && i < title.length() && Gazetteer.isToneMark(title.charAt(i))) {
                i++;
            }
            if (i >= title.length() || title.charAt(i) != word.charAt(k)) {
                return -1;
            }
        }
        while (i < title.length() && Gazetteer.isToneMark(title.charAt(i))) {
            i++;
        }
        return i;
    }
}
