package io.mli.ner.engine;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ie.crf.CRFCliqueTree;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import io.mli.common.kb.ProductWords;
import io.mli.common.text.Token;
import io.mli.common.text.TokenType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Properties;

/**
 * A linear-chain CRF (Stanford CoreNLP's {@link CRFClassifier}, code jar only, no models jar) that tags brand,
 * variant and category words in title tokens. Trained by distant supervision on the catalog, it finds brands the
 * knowledge base has never seen from where they stand and what they look like. Thread-safe for inference.
 */
public final class CrfBrandModel {
    static final String FILE = "brand-crf.ser.gz";

    private final CRFClassifier<CoreLabel> crf;
    private final Vocabulary vocabulary;

    private CrfBrandModel(CRFClassifier<CoreLabel> crf, Vocabulary vocabulary) {
        this.crf = crf;
        this.vocabulary = vocabulary;
    }

    /** The CRF's settings: CoreNLP's feature factory, with our token classes in the tag column. */
    static Properties properties(int maxIterations, int threads) {
        Properties p = new Properties();
        p.setProperty("map", "word=0,tag=1,answer=2");
        p.setProperty("useClassFeature", "true");
        p.setProperty("useWord", "true");
        p.setProperty("useNGrams", "true");
        p.setProperty("noMidNGrams", "true");
        p.setProperty("maxNGramLeng", "4");
        p.setProperty("usePrev", "true");
        p.setProperty("useNext", "true");
        p.setProperty("useSequences", "true");
        p.setProperty("usePrevSequences", "true");
        p.setProperty("maxLeft", "1");
        p.setProperty("useTypeSeqs", "true");
        p.setProperty("useTypeSeqs2", "true");
        p.setProperty("useTypeySequences", "true");
        p.setProperty("wordShape", "chris2useLC");
        p.setProperty("useDisjunctive", "true");
        p.setProperty("disjunctionWidth", "3");
        p.setProperty("useTags", "true");
        p.setProperty("useSymTags", "true");
        p.setProperty("useLemmas", "true");
        p.setProperty("usePrevNextLemmas", "true");
        p.setProperty("maxQNItr", Integer.toString(maxIterations));
        p.setProperty("tolerance", "1e-4");
        // The Gaussian prior's width. At 3 the model swung with a few catalog rows: the orchestrator's accuracy on
        // dev's new brands fell from 71.8% to 67.9% when 7 more titles got a locatable brand, and ranged 67.9-72.1%
        // over catalogs 10 rows apart; at 1 it stayed within 71.1-71.8% on the same catalogs, no other figure worse.
        p.setProperty("sigma", "1");
        // A feature seen once in the training titles is dropped. Most are the n-grams of one catalog brand's name,
        // which the gazetteer knows anyway and which say nothing of a brand the catalog has not seen. On the catalog
        // the build then takes a fifth less time (39.3 -> 31.4 s, the main CRF 21.7 -> 16.4 s alone), and dev's
        // figures moved within the spread that dropping 30-39 catalog rows gives (tops/new 71.1-72.5%, the rest equal).
        p.setProperty("featureCountThresh", "2");
        p.setProperty("verboseMode", "false");
        if (threads > 1) {
            p.setProperty("multiThreadGrad", Integer.toString(threads));
        }
        return p;
    }

    /**
     * Trains on labelled examples; {@code brandOf} names each example's brand, for the vocabulary's exclusion. The
     * vocabulary counts every example; the CRF sees only those {@code keep} marks (see {@link #firstPerBrand}), since
     * a brand's hundredth title teaches little its first forty did not, and training time grows with them.
     */
    static CrfBrandModel train(List<DistantSupervision.Example> examples, List<String> brandOf, boolean[] keep,
                               int maxIterations, int threads) {
        Map<String, int[]> global = new HashMap<>();
        Map<String, Map<String, int[]>> perBrand = new HashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            DistantSupervision.Example e = examples.get(i);
            List<String> words = e.tokens().stream().map(TokenFeatures::word).toList();
            Vocabulary.count(words, e.labels(), global);
            Vocabulary.count(words, e.labels(), perBrand.computeIfAbsent(brandOf.get(i), b -> new HashMap<>()));
        }
        Vocabulary vocabulary = new Vocabulary(Vocabulary.withBrandSpread(global, perBrand));
        CRFClassifier<CoreLabel> crf = new CRFClassifier<>(properties(maxIterations, threads));
        List<List<CoreLabel>> docs = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            if (!keep[i]) {
                continue;
            }
            DistantSupervision.Example e = examples.get(i);
            Map<String, int[]> own = perBrand.get(brandOf.get(i));
            // Read as tag() reads the words after an opening tag: from the first of them. A title whose brand is in
            // the opening tag is read whole, as tag() reads the opening tokens.
            int from = afterOpening(e.tokens(), false);
            if (!e.labels().subList(0, from).stream().allMatch(Labels.OTHER::equals)) {
                from = 0;
            }
            docs.add(toLabels(e.tokens().subList(from, e.tokens().size()), e.labels().subList(from,
                    e.labels().size()), w -> vocabulary.classOfExcluding(w, own.get(w))));
        }
        crf.train(docs, crf.makeReaderAndWriter());
        return new CrfBrandModel(crf, vocabulary);
    }

    /** Which examples to train on: the first {@code max} of each brand, in order. */
    static boolean[] firstPerBrand(List<String> brandOf, int max) {
        boolean[] keep = new boolean[brandOf.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < keep.length; i++) {
            keep[i] = seen.merge(brandOf.get(i), 1, Integer::sum) <= max;
        }
        return keep;
    }

    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    public static CrfBrandModel load(Path dir) throws IOException {
        try {
            return new CrfBrandModel(CRFClassifier.getClassifier(dir.resolve(FILE).toFile()), Vocabulary.load(dir));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("cannot read NER model " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        crf.serializeClassifier(dir.resolve(FILE).toString());
        vocabulary.save(dir);
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * Per token, the probability of each label, in token order. What a title opens with before the seller's own
     * words — a promotion tag ({@code (OTOP)}, {@code [GRATIS ONGKIR]}), product words of a language the catalog
     * may not cover ({@code Sữa tươi}) — does not change how the rest is read: the CRF reads the title from the first
     * word after it, as a brand-first title. Read with it, the word after a closing bracket looked like no brand
     * ({@code (OTOP) Tropicana Coconut Body Lotion}: Tropicana 0.11, without the tag 1.00). An opening tag itself
     * keeps the reading of the whole title, so a brand in brackets ({@code [Zabrowski] Tomato Ketchup}) is still
     * found; opening product words get 0.
     */
    Marginals tag(List<Token> tokens) {
        double[] brand = new double[tokens.size()];
        double[] variant = new double[tokens.size()];
        double[] category = new double[tokens.size()];
        if (tokens.isEmpty()) {
            return new Marginals(brand, variant, category);
        }
        int from = afterOpeningTag(tokens);
        read(tokens, from, tokens.size(), brand, variant, category);
        if (tokens.subList(0, from).stream().anyMatch(Token::inTag)) {
            read(tokens, 0, from, brand, variant, category);
            for (int i = 0; i < from; i++) {
                if (!tokens.get(i).inTag()) {
                    brand[i] = 0; // a product word (Sữa) is never a brand, whatever the whole title's reading
                    variant[i] = 0;
                    category[i] = 0;
                }
            }
        }
        return new Marginals(brand, variant, category);
    }

    /** Reads the tokens from {@code start} to the title's end with the CRF; keeps those up to {@code end}. */
    private void read(List<Token> tokens, int start, int end, double[] brand, double[] variant, double[] category) {
        List<CoreLabel> doc = toLabels(tokens.subList(start, tokens.size()), null, vocabulary::classOf);
        CRFCliqueTree<String> tree = crf.getCliqueTree(doc);
        for (int i = start; i < end; i++) {
            // A label the training data never used has no index: its probability is 0.
            edu.stanford.nlp.stats.Counter<String> p = tree.probs(i - start);
            brand[i] = p.getCount(Labels.BRAND);
            variant[i] = p.getCount(Labels.VARIANT);
            category[i] = p.getCount(Labels.CATEGORY);
        }
    }

    /**
     * The index of the first token after what a title opens with before its own words (0 for most): promotion tags,
     * punctuation, and the shipped {@link ProductWords} of languages the catalog may not cover ({@code Sữa tươi
     * Vinamilk 1L} is read from {@code Vinamilk}, as a brand-first title is).
     */
    static int afterOpeningTag(List<Token> tokens) {
        return afterOpening(tokens, true);
    }

    /**
     * As {@link #afterOpeningTag}, with or without the product words. Training skips only tags: the catalog's own
     * titles taught the CRF the product words of its languages ({@code Tas}, {@code Kabel} in Lazada's), and read
     * without them its model came out other (a Thai shop's {@code ME STYLE} read as a brand {@code ME}); the list is
     * for the languages it did not teach.
     */
    static int afterOpening(List<Token> tokens, boolean productWords) {
        int i = 0;
        while (i < tokens.size() && (tokens.get(i).inTag() || tokens.get(i).type() == TokenType.PUNCT
                || productWords && ProductWords.containsNormalised(tokens.get(i).norm()))) {
            i++;
        }
        return i == tokens.size() ? 0 : i;
    }

    /** Per-token label probabilities. */
    record Marginals(double[] brand, double[] variant, double[] category) {
    }

    private static List<CoreLabel> toLabels(List<Token> tokens, List<String> labels,
                                            java.util.function.Function<String, String> wordClass) {
        int[] words = TokenFeatures.wordIndexes(tokens);
        List<CoreLabel> doc = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            CoreLabel l = new CoreLabel();
            String w = TokenFeatures.word(t);
            l.setWord(w);
            l.setValue(w);
            l.setTag(TokenFeatures.tag(t, words[i]));
            l.setLemma(wordClass.apply(w));
            if (labels != null) {
                l.set(CoreAnnotations.AnswerAnnotation.class, labels.get(i));
                l.set(CoreAnnotations.GoldAnswerAnnotation.class, labels.get(i));
            }
            doc.add(l);
        }
        return doc;
    }
}
