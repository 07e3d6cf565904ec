package io.mli.common.kb;

import io.mli.common.text.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = ProductWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " beside " + ProductWords.class);
            }
            Set<String> words = new HashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.replaceFirst("#.*", "").strip();
                if (!w.isEmpty()) {
                    words.add(normal(w));
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
