package io.mli.rag.engine;

import io.mli.common.domain.CategoryGuess;
import io.mli.common.kb.NonBrands;
import io.mli.common.text.TitleTokenizer;
import io.mli.common.vector.SearchHit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The category the title's neighbours vote for, counting only the neighbours that share a word with it. A neighbour
 * found through a size or a number alone ({@code 500 g}) says nothing about the kind of product: a Thai title
 * searched in a catalog written in English has only such neighbours, and their vote had given
 * {@code ต้นอ่อนทานตะวัน 500 ก.} (sunflower sprouts) a dried-ingredients category at 0.67. Of the Thai shop titles
 * without a brand, the vote of all neighbours agreed with the shop's own category at its top level for 14%, no better
 * than chance; with this rule most of them get none. On dev's Tops rows the whole path is right for 72.1% of them
 * instead of 71.0%.
 */
final class CategoryVote {
    /** Runs of letters (with their marks): words, and Thai phrases between spaces. */
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{M}]+");
    /** Shorter words ({@code ml}, {@code x}, {@code of}) are shared by chance. */
    static final int MIN_WORD = 3;

    private CategoryVote() {
    }

    /** The category most of the neighbours that share a word with the title vote for, or null if none do. */
    static CategoryGuess of(String title, List<SearchHit> hits) {
        Set<String> words = words(title);
        List<SearchHit> voters = hits.stream().filter(h -> sharesAWord(words, h.product().title())).toList();
        List<Vote> votes = Vote.tally(voters, h -> h.product().category());
        if (votes.isEmpty()) {
            return null;
        }
        Vote v = votes.getFirst();
        return new CategoryGuess(v.value(), Math.round(v.share() * 1000) / 1000.0);
    }

    /**
     * The title's words of {@value #MIN_WORD} letters or more, lower-cased, units and function words ({@code and},
     * {@code with}) left out. A regular expression
     * rather than the tokeniser: it runs for every neighbour of every title, and Thai shop titles put spaces between
     * their phrases, which is enough to see a shared one.
     */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        if (text == null) {
            return out;
        }
        for (String w : NOT_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
            if (w.codePointCount(0, w.length()) >= MIN_WORD && !TitleTokenizer.isUnit(w)
                    && !NonBrands.isFunctionWord(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean sharesAWord(Set<String> words, String other) {
        if (other == null || words.isEmpty()) {
            return false;
        }
        for (String w : NOT_LETTERS.split(other.toLowerCase(Locale.ROOT))) {
            if (words.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
