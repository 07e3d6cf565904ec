package io.mli.ner.engine;

import io.mli.common.text.Script;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How often each word appears outside brand names and inside them in the catalog. This is what lets the CRF tell
 * the second word of a new brand ({@code Del Monte}) from the first product word ({@code 3 Horses Tea}): product
 * words recur across many brands, brand words do not. In training the counts exclude the row's own brand, so a
 * brand's words look to the model exactly as an unseen brand's words will look at inference. It also keeps how often
 * a word stood right after a brand's name and in how many brands' titles it stood outside the name: a word one
 * brand's titles have, mostly right after its name, is that brand's line ({@link #isProductWord}).
 */
final class Vocabulary {
    static final String FILE = "vocabulary.tsv";

    // word -> {outside brand names, inside them, right after one, brands whose titles have it outside their name}.
    // The last two are missing from vocabularies saved before they were counted, and from hand-made ones in tests:
    // then they are not known.
    private final Map<String, int[]> counts;
    private final Set<Script> brandScripts;

    Vocabulary(Map<String, int[]> counts) {
        this.counts = counts;
        this.brandScripts = brandScripts(counts);
    }

    /** The scripts the catalog wrote brand words in. */
    private static Set<Script> brandScripts(Map<String, int[]> counts) {
        Set<Script> out = EnumSet.noneOf(Script.class);
        counts.forEach((word, c) -> {
            if (c[1] > 0) {
                word.codePoints().mapToObj(Script::of).filter(s -> s != Script.NONE).forEach(out::add);
            }
        });
        return out;
    }

    /**
     * Whether every letter of the text is in a script the catalog wrote brand words in. The CRF learnt brand names
     * only from those: what it tags in another script ({@code ユニ}, the first half of {@code ユニクロ}) is a guess.
     * Without a vocabulary every script passes.
     */
    boolean taughtScriptOf(String text) {
        if (brandScripts.isEmpty()) {
            return true; // no vocabulary saved with the model (an older knowledge base): nothing to go by
        }
        return text.codePoints().mapToObj(Script::of).allMatch(s -> s == Script.NONE || brandScripts.contains(s));
    }

    static Vocabulary empty() {
        return new Vocabulary(Map.of());
    }

    /** The class of a word as the CRF's lemma column: outside-count bucket and inside-count bucket. */
    String classOf(String word) {
        int[] c = counts.get(word);
        return c == null ? "o0b0" : classOf(c[0], c[1]);
    }

    /** The catalog used a product word at least this often. */
    static final int PRODUCT_WORD_MIN = 5;

    /**
     * A product word: the catalog used it at least {@value #PRODUCT_WORD_MIN} times, outside brand names five times
     * as often as inside them or more ({@code coffee}, {@code organic}, Indonesian {@code tas} "bag"), and it is no
     * {@linkplain #isLineName line's name}.
     */
    boolean isProductWord(String word) {
        int[] c = counts.get(word);
        return mostlyOutsideBrandNames(c, PRODUCT_WORD_MIN) && !isLineName(c);
    }

    /** Whether the catalog used the word at least {@code min} times, five times as often outside brand names. */
    private static boolean mostlyOutsideBrandNames(int[] c, int min) {
        return c != null && c[0] >= min && c[1] * 5 <= c[0];
    }

    /**
     * Whether the catalog wrote the word as one brand's product line or model: only that brand's titles have it
     * outside the brand's name, mostly right after the name ({@code Acer Swift}, {@code Asus VivoBook}, {@code Glico
     * Pocky}). Such a word is a name, and may be another maker's brand ({@code Swift Frozen Australian Rump Steak} is
     * SWIFT's). A word one brand's titles have further on ({@code phone}, in SanDisk's {@code … for Phone}; {@code AA}
     * in Panasonic's battery titles) says what a product is or fits. False when not counted.
     */
    private static boolean isLineName(int[] c) {
        return c.length > 3 && c[3] == 1 && c[2] * 2 >= c[0];
    }

    /**
     * Adds to each word's global counts ({@link #count}) the number of brands whose titles have it outside the
     * brand's name, from the per-brand counts of the same examples.
     */
    static Map<String, int[]> withBrandSpread(Map<String, int[]> global, Map<String, Map<String, int[]>> perBrand) {
        Map<String, int[]> out = new HashMap<>(global.size() * 2);
        global.forEach((w, c) -> out.put(w, new int[] {c[0], c[1], c.length > 2 ? c[2] : 0, 0}));
        perBrand.values().forEach(own -> own.forEach((w, c) -> {
            if (c[0] > 0) {
                out.computeIfAbsent(w, x -> new int[4])[3]++;
            }
        }));
        return out;
    }

    /**
     * An ordinary word: the catalog used it at least twice, and outside brand names five times as often as inside
     * them or more ({@code top}, {@code korea}). A product word with less evidence: enough to tell a name that is
     * announced as a brand ({@code Top Brand}) is made of ordinary words.
     */
    boolean isOrdinaryWord(String word) {
        return mostlyOutsideBrandNames(counts.get(word), 2);
    }

    /**
     * Whether the catalog wrote the word more often outside brand names than in them: where such a word is also a
     * brand's whole name (SUPER, BLUE), the word is the likelier reading.
     */
    boolean mostlyAWord(String word) {
        return outsideCount(word) > insideCount(word);
    }

    /** A word the catalog used at least {@value #PRODUCT_WORD_MIN} times, never inside a brand name. */
    boolean isNeverABrandWord(String word) {
        int[] c = counts.get(word);
        return c != null && c[0] >= PRODUCT_WORD_MIN && c[1] == 0;
    }

    /** Whether the catalog used the word at all. */
    boolean seen(String word) {
        return counts.containsKey(word);
    }

    /**
     * Whether the catalog wrote the word outside brand names, as a word and not as one brand's line ({@code Swift},
     * five times in {@code Acer Swift …}, is a name). Once is too few to call it a line ({@code Guacamole}).
     */
    boolean writtenAsAWord(String word) {
        int[] c = counts.get(word);
        return c != null && c[0] > 0 && !(c[0] >= 2 && isLineName(c));
    }

    /** How often the word appeared outside brand names in the catalog. */
    int outsideCount(String word) {
        int[] c = counts.get(word);
        return c == null ? 0 : c[0];
    }

    /** How often the word appeared inside brand names in the catalog. */
    int insideCount(String word) {
        int[] c = counts.get(word);
        return c == null ? 0 : c[1];
    }

    /** The class of a word with one brand's own occurrences taken out. */
    String classOfExcluding(String word, int[] own) {
        int[] c = counts.get(word);
        if (c == null) {
            return "o0b0";
        }
        return own == null ? classOf(c[0], c[1]) : classOf(c[0] - own[0], c[1] - own[1]);
    }

    private static String classOf(int outside, int inside) {
        return "o" + bucket(outside) + "b" + bucket(inside);
    }

    private static int bucket(int n) {
        return n <= 0 ? 0 : n <= 2 ? 1 : n <= 9 ? 3 : 10;
    }

    /**
     * Counts words by label over labelled examples, outside brand names, inside them and right after one; also
     * returns the per-brand counts for exclusion.
     */
    static Map<String, int[]> count(List<String> words, List<String> labels, Map<String, int[]> into) {
        for (int i = 0; i < words.size(); i++) {
            int[] c = into.computeIfAbsent(words.get(i), w -> new int[3]);
            boolean brand = Labels.BRAND.equals(labels.get(i));
            c[brand ? 1 : 0]++;
            if (!brand && afterBrandName(words, labels, i)) {
                c[2]++;
            }
        }
        return into;
    }

    /** Whether the word at {@code i} comes right after a brand's name, punctuation aside ({@code Acer - Swift}). */
    private static boolean afterBrandName(List<String> words, List<String> labels, int i) {
        int k = i - 1;
        while (k >= 0 && words.get(k).codePoints().noneMatch(Character::isLetterOrDigit)) {
            k--;
        }
        return k >= 0 && Labels.BRAND.equals(labels.get(k));
    }

    Map<String, int[]> counts() {
        return counts;
    }

    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, int[]> e : new java.util.TreeMap<>(counts).entrySet()) {
                int[] c = e.getValue();
                w.write(e.getKey() + "\t" + c[0] + "\t" + c[1] + (c.length > 3 ? "\t" + c[2] + "\t" + c[3] : "")
                        + "\n");
            }
        }
    }

    static Vocabulary load(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return empty();
        }
        Map<String, int[]> m = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] p = line.split("\t");
                if (p.length == 3 || p.length == 4) { // 4: brands counted, but not where the word stood
                    m.put(p[0], new int[] {Integer.parseInt(p[1]), Integer.parseInt(p[2])});
                } else if (p.length == 5) {
                    m.put(p[0], new int[] {Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]),
                            Integer.parseInt(p[4])});
                }
            }
        }
        return new Vocabulary(m);
    }
}
