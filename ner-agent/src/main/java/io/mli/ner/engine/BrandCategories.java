package io.mli.ner.engine;

import io.mli.common.domain.CategoryGuess;
import io.mli.common.io.CatalogRow;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.text.TitleTokenizer;
import io.mli.common.text.Token;
import io.mli.common.text.TokenType;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which of a known brand's categories a title is in, from the brand's catalog products most like it. The brand alone
 * says where most of its products sit (Nestlé: beverages); the title says which of them this one is like (Nestlé Koko
 * Krunch: breakfast cereals). On dev.jsonl's Tops rows with a known brand, the brand's commonest category is the
 * title's in 59% of them, the category of its nearest product of the same brand in 78%, as good as a search over the
 * whole catalog and without one.
 *
 * <p>Products are compared by the TF-IDF weights of their title words. Saved next to the NER model as
 * {@value #FILE} (brand id, category, title per line) and indexed again when loaded, with each title's words in
 * {@value #WORDS_FILE} (line for line): loading then does not tokenise the catalog's titles again, which was a third
 * of the NER service's start-up load. The words are a file of their own so that a service of an earlier version
 * still reads the categories of a knowledge base built by this one; without the file (a knowledge base built before
 * it), the titles are tokenised as they load. Immutable and thread-safe.
 */
public final class BrandCategories {
    static final String FILE = "categories.tsv";
    static final String WORDS_FILE = "categories.words";
    /** The nearest products of the brand that vote, each by its similarity. */
    static final int NEIGHBOURS = 3;

    /** One product: its category and its title's word ids (ascending) with their L2-normalised weights. */
    private record Product(String category, int[] words, float[] weights) {
    }

    /** One catalog product as saved: its brand's id, its category, its title and the title's words. */
    private record Entry(String brandId, String category, String title, List<String> words) {
    }

    private final List<Entry> entries; // what is saved
    private final Map<String, List<Product>> byBrand;
    /** Per brand, the word ids every one of its products has (its name, mostly), ascending. */
    private final Map<String, int[]> sharedWords;
    private final Map<String, Integer> wordIds;
    private final float[] idf;

    private BrandCategories(List<Entry> entries, Map<String, List<Product>> byBrand, Map<String, Integer> wordIds,
                            float[] idf) {
        this.entries = entries;
        this.byBrand = byBrand;
        this.wordIds = wordIds;
        this.idf = idf;
        Map<String, int[]> shared = new HashMap<>();
        byBrand.forEach((brand, products) -> shared.put(brand, products.stream().map(Product::words)
                .reduce(BrandCategories::intersection).orElse(new int[0])));
        this.sharedWords = Map.copyOf(shared);
    }

    /** The ids in both ascending arrays, ascending. */
    private static int[] intersection(int[] a, int[] b) {
        return Arrays.stream(a).filter(id -> Arrays.binarySearch(b, id) >= 0).toArray();
    }

    /** None known: every brand falls back to its commonest category. */
    static BrandCategories empty() {
        return new BrandCategories(List.of(), Map.of(), Map.of(), new float[0]);
    }

    /** The catalog's rows with a brand and a category, each under the id of the brand its label names. */
    public static BrandCategories of(List<CatalogRow> rows, KnowledgeBase kb) {
        List<Entry> entries = new ArrayList<>();
        for (CatalogRow row : rows) {
            if (row.brand() == null || row.brand().isBlank() || row.category() == null || row.category().isBlank()) {
                continue;
            }
            String title = oneLine(row.title());
            entries.add(new Entry(kb.idOfLabel(row.brand()), oneLine(row.category()), title, words(title)));
        }
        return index(entries);
    }

    private static BrandCategories index(List<Entry> entries) {
        Map<String, Integer> wordIds = new HashMap<>();
        List<int[]> docs = new ArrayList<>(entries.size());
        List<Integer> df = new ArrayList<>();
        for (Entry e : entries) {
            int[] ids = e.words().stream().mapToInt(w -> wordIds.computeIfAbsent(w, k -> {
                df.add(0);
                return df.size() - 1;
            })).distinct().sorted().toArray();
            for (int id : ids) {
                df.set(id, df.get(id) + 1);
            }
            docs.add(ids);
        }
        float[] idf = new float[df.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = (float) (Math.log((entries.size() + 1.0) / (df.get(i) + 1.0)) + 1);
        }
        Map<String, List<Product>> byBrand = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            int[] ids = docs.get(i);
            float[] w = new float[ids.length];
            double norm = 0;
            for (int k = 0; k < ids.length; k++) {
                w[k] = idf[ids[k]];
                norm += w[k] * w[k];
            }
            float n = (float) Math.sqrt(norm);
            for (int k = 0; k < w.length && n > 0; k++) {
                w[k] /= n;
            }
            byBrand.computeIfAbsent(entries.get(i).brandId(), k -> new ArrayList<>())
                    .add(new Product(entries.get(i).category(), ids, w));
        }
        byBrand.replaceAll((k, v) -> List.copyOf(v));
        return new BrandCategories(List.copyOf(entries), Map.copyOf(byBrand), Map.copyOf(wordIds), idf);
    }

    private static List<String> split(String words) {
        return words.isEmpty() ? List.of() : List.of(words.split(" "));
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\t\\r\\n]+", " ").strip();
    }

    /** The title's words as compared: Latin, Thai and other words of two letters or more, normalised. */
    private static List<String> words(String title) {
        List<String> out = new ArrayList<>();
        for (Token t : TitleTokenizer.tokenize(title)) {
            if ((t.type() == TokenType.LATIN || t.type() == TokenType.THAI || t.type() == TokenType.OTHER_WORD)
                    && t.norm().length() >= 2 && t.norm().chars().noneMatch(Character::isWhitespace)) {
                // (a spacing accent, "Men´s", normalises to a space and a combining mark, kept in one token: saved
                // and split again on spaces it would come back as other words)
                out.add(t.norm());
            }
        }
        return out;
    }

    /**
     * The category of the brand's products most like the title, with the share of the similarity-weighted vote of
     * its {@value #NEIGHBOURS} nearest products that it got; null when the catalog gave the brand no category or the
     * title is no more like one of its products than another.
     */
    public CategoryGuess of(String brandId, String title) {
        List<Product> products = brandId == null ? null : byBrand.get(brandId);
        if (products == null || products.isEmpty()) {
            return null;
        }
        String only = products.getFirst().category();
        if (products.stream().allMatch(p -> p.category().equals(only))) {
            // All n of its products in one category: the next is too with probability (n + 1) / (n + 2) (Laplace's
            // rule of succession), not 1: a brand with one product in the catalog says little about its next.
            return new CategoryGuess(only, (products.size() + 1.0) / (products.size() + 2.0));
        }
        // Words every product of the brand has (its name, mostly) tell its products apart no more than none.
        int[] shared = sharedWords.get(brandId);
        int[] ids = new TreeSet<>(words(title).stream().map(wordIds::get).filter(Objects::nonNull)
                .toList()).stream().mapToInt(Integer::intValue)
                .filter(id -> Arrays.binarySearch(shared, id) < 0).toArray();
        double[] sims = new double[products.size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = dot(ids, products.get(i));
        }
        Integer[] order = new Integer[sims.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(sims[b], sims[a]));
        if (sims[order[0]] == sims[order[order.length - 1]]) {
            // The title is as like one of them as another: it shares no word with them (a Thai spelling) or only
            // words they all have (the brand's name). The "nearest" would be the first in catalog order; the
            // caller falls back to the brand's usual category instead.
            return null;
        }
        Map<String, Double> votes = new LinkedHashMap<>();
        double total = 0;
        for (int r = 0; r < Math.min(NEIGHBOURS, order.length); r++) {
            double v = sims[order[r]] + 1e-6; // a product sharing no word still votes, barely
            votes.merge(products.get(order[r]).category(), v, Double::sum);
            total += v;
        }
        Map.Entry<String, Double> best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new CategoryGuess(best.getKey(), best.getValue() / total);
    }

    /** The query's words (ids ascending, each weighted by its idf) against a product's normalised weights. */
    private double dot(int[] query, Product p) {
        double s = 0;
        int i = 0;
        int j = 0;
        while (i < query.length && j < p.words().length) {
            int a = query[i];
            int b = p.words()[j];
            if (a == b) {
                s += idf[a] * p.weights()[j];
                i++;
                j++;
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return s;
    }

    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8);
             BufferedWriter words = Files.newBufferedWriter(dir.resolve(WORDS_FILE), StandardCharsets.UTF_8)) {
            for (Entry e : entries) {
                w.write(e.brandId() + "\t" + e.category() + "\t" + e.title() + "\n");
                words.write(String.join(" ", e.words()) + "\n");
            }
        }
    }

    static BrandCategories load(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return empty();
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        Path wf = dir.resolve(WORDS_FILE);
        List<String> saved = Files.isRegularFile(wf) ? Files.readAllLines(wf, StandardCharsets.UTF_8) : List.of();
        boolean aligned = saved.size() == lines.size();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] p = lines.get(i).split("\t", -1);
            if (p.length == 3 || p.length == 4) { // four: the words in a column, as main wrote them for an hour
                String words = p.length == 4 ? p[3] : aligned ? saved.get(i) : null;
                entries.add(new Entry(p[0], p[1], p[2], words == null ? words(p[2]) : split(words)));
            }
        }
        return index(entries);
    }
}
