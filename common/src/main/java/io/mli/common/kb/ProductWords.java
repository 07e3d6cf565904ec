package io.mli.common.kb;

import io.mli.common.text.TextNormalizer;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

/**
 * Words that say what a product is ({@code sữa} "milk", {@code bánh} "cake", Indonesian {@code susu}, {@code tas}),
 * in the languages of the region's marketplaces that a user's catalog may not cover, shipped with the product as the
 * starter brands are. Vietnamese and Indonesian sellers open titles with them where English and Thai shops put the
 * brand, so a name-finder trained on brand-first titles would take them for brands. The list is
 * {@code product-words.txt} beside this class.
 */
public final class ProductWords {
    private static final String RESOURCE = "product-words.txt";
    private static final Set<String> WORDS = load();

    private ProductWords() {
    }

    /** Whether {@code word} (as written, or already normalised) is one of the shipped product words. */
    public static boolean contains(String word) {
        return word != null && WORDS.contains(normal(word));
    }

    /** As {@link #contains}, for a word already normalised as the title tokenizer's {@code norm()} is: no copying. */
    public static boolean containsNormalised(String norm) {
        return norm != null && WORDS.contains(norm);
    }

    /** Composed first (NFC): the title normaliser keeps offsets, and with them a decomposed title's marks apart. */
    private static String normal(String word) {
        return TextNormalizer.normalize(Normalizer.normalize(word.strip(), Normalizer.Form.NFC)).text();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        for (String w : WordList.read(RESOURCE)) {
            words.add(normal(w));
        }
        return Set.copyOf(words);
    }
}
