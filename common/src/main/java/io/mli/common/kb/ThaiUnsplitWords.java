package io.mli.common.kb;

import java.util.List;

/**
 * Thai words that the dictionary word breaker does not know and cuts into pieces, one of which spells a brand's Thai
 * name: {@code มีโอเมก้า} ("has omega") is broken {@code มี|โอ|เม|ก้า}, and {@code มีโอ} is Me-O. The gazetteer needs a
 * Thai name to start and end where a dictionary word does, which these pieces satisfy, so a name standing across the
 * edge of one of these words is no mention of it. The list is {@code thai-unsplit-words.txt} beside this class.
 */
final class ThaiUnsplitWords {
    private static final List<String> WORDS = WordList.read("thai-unsplit-words.txt");

    private ThaiUnsplitWords() {
    }

    /** Whether [start, end) of the title starts or ends strictly inside one of the words where it stands there. */
    static boolean cut(String title, int start, int end) {
        for (String w : WORDS) {
            for (int at = title.indexOf(w); at >= 0; at = title.indexOf(w, at + 1)) {
                int after = at + w.length();
                if (at < start && start < after || at < end && end < after) {
                    return true;
                }
            }
        }
        return false;
    }
}
