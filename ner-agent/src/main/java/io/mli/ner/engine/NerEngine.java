package io.mli.ner.engine;

import io.mli.common.agent.BrandAgent;
import io.mli.common.agent.NewNameKinds;
import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.BrandGuess;
import io.mli.common.domain.CategoryGuess;
import io.mli.common.domain.Evidence;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.Span;
import io.mli.common.kb.AliasKind;
import io.mli.common.kb.Brand;
import io.mli.common.kb.Fitment;
import io.mli.common.kb.GazetteerMatch;
import io.mli.common.kb.KbLayout;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.ModelCodes;
import io.mli.common.kb.NonBrands;
import io.mli.common.kb.ProductWords;
import io.mli.common.kb.SalesTalk;
import io.mli.common.text.BrandKeys;
import io.mli.common.text.HtmlEntities;
import io.mli.common.text.NormalizedText;
import io.mli.common.text.TextNormalizer;
import io.mli.common.text.TitleTokenizer;
import io.mli.common.text.Token;
import io.mli.common.text.TokenType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The NER agent's engine: finds the brand span(s) in a title and names the brand. Two recognisers work together: a
 * gazetteer longest match over every name, alias and product line in the knowledge base, and a CRF (trained by
 * distant supervision on the catalog) that finds brands the knowledge base has never seen from where they stand and
 * what they look like. A CRF span is looked up in the knowledge base (exactly, then allowing a misspelling); when it
 * is unknown it is answered as a new brand, named as written. Thread-safe.
 */
public final class NerEngine implements BrandAgent {
    private final KnowledgeBase kb;
    private final CrfBrandModel crf;
    private final BrandResolver resolver;
    private final NerScorer scorer = new NerScorer();
    private final SoundAlikes soundAlikes;
    private final ThaiInitials initials;
    private final BrandCategories categories;
    private final NewNameFilter newNames; // null without a CRF model

    public NerEngine(KnowledgeBase kb, CrfBrandModel crf) {
        this(kb, crf, BrandCategories.empty());
    }

    public NerEngine(KnowledgeBase kb, CrfBrandModel crf, BrandCategories categories) {
        this.kb = kb;
        this.crf = crf;
        this.categories = categories;
        this.resolver = new BrandResolver(kb);
        this.soundAlikes = new SoundAlikes(kb, crf == null ? null : crf.vocabulary());
        this.initials = new ThaiInitials(resolver, crf == null ? null : crf.vocabulary());
        this.newNames = crf == null ? null : new NewNameFilter(crf.vocabulary());
    }

    /**
     * Opens the engine over a knowledge base and, when {@code kbDir} holds one, the CRF model saved there. Without a
     * model the engine runs on the gazetteer alone.
     */
    public static NerEngine open(KnowledgeBase kb, Path kbDir) {
        if (kbDir == null) {
            return new NerEngine(kb, null, BrandCategories.empty());
        }
        Path ner = new KbLayout(kbDir).nerDir();
        // The model is read on a second thread while this one reads the categories: the two take about as long,
        // and a service is not ready until both are in.
        FutureTask<CrfBrandModel> model = new FutureTask<>(() -> CrfBrandModel.exists(ner)
                ? CrfBrandModel.load(ner) : null);
        Thread.ofPlatform().name("load-crf").daemon().start(model);
        try {
            BrandCategories categories = BrandCategories.load(ner);
            return new NerEngine(kb, model.get(), categories);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof IOException io ? new UncheckedIOException(io)
                    : e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the NER model", e);
        } finally {
            model.cancel(true);
        }
    }

    public boolean hasCrf() {
        return crf != null;
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    @Override
    public String name() {
        return "ner";
    }

    @Override
    public AgentAnswer infer(InferenceRequest request) {
        List<Candidate> candidates = candidates(request.title());
        if (candidates.isEmpty()) {
            return AgentAnswer.abstained(name(), List.of(), null, "no brand found in the title");
        }
        if (FITS.equals(candidates.getFirst().kind())) {
            // No alternatives either: the hybrid step would take them for candidates of the maker.
            return AgentAnswer.abstained(name(), List.of(), null,
                    "the title names only what the product fits: " + candidates.getFirst().name());
        }
        List<BrandGuess> guesses = new ArrayList<>();
        for (Candidate c : candidates) {
            BrandGuess g = c.toGuess();
            if (guesses.stream().noneMatch(x -> x.sameBrand(g))) {
                guesses.add(g);
            }
        }
        BrandGuess best = guesses.getFirst();
        List<BrandGuess> alternatives = guesses.subList(1, Math.min(guesses.size(), 1 + request.topK()));
        // The detail names the kind of evidence (known_start, new, fuzzy, …): the orchestrator calibrates per kind.
        // The category of the brand's catalog products most like the title, else the one they mostly sit in: what a
        // title answered by NER alone gets (retrieval's vote replaces it when retrieval is asked).
        Brand brand = best.id() == null ? null : kb.byId(best.id()).orElse(null);
        CategoryGuess category = brand == null ? null : categories.of(brand.id(), request.title());
        if (category == null && brand != null) {
            category = brand.likelyCategory();
        }
        AgentAnswer answer = AgentAnswer.ok(name(), best, alternatives, category, candidates.getFirst().kind());
        boolean noProducts = category == null && brand != null && brand.products() == 0;
        return noProducts ? answer.withUsage(java.util.Map.of(AgentAnswer.NO_CATALOG_PRODUCTS, true)) : answer;
    }

    /** Every brand candidate, best first. */
    List<Candidate> candidates(String title) {
        NormalizedText nt = TextNormalizer.normalize(title);
        List<Token> tokens = TitleTokenizer.tokenize(nt);
        List<GazetteerMatch> matches = ModelCodes.withoutCodes(title, kb.gazetteer().find(nt));
        List<Candidate> out = new ArrayList<>();
        int firstWordStart = firstWordAfterSalesTalk(tokens, false);
        // A known name right after product words opens the title as the seller wrote it; an unknown word there may
        // be one more product word the shipped list lacks ("Kaos Polos Pria Lengan …": T-shirt plain men's sleeve).
        int knownFirstWordStart = firstWordAfterSalesTalk(tokens, true);
        for (GazetteerMatch m : matches) {
            Brand b = kb.byId(m.alias().brandId()).orElseThrow();
            // Thai titles put product words before the brand (ครีม, น้ำ): a Thai spelling counts as at the start.
            boolean thai = hasThai(m.span().text());
            boolean atStart = thai || opens(m.span().start(), !NerScorer.unreliableMidTitle(m), firstWordStart,
                    knownFirstWordStart);
            double s = scorer.gazetteer(m, atStart, matches);
            String source = m.alias().kind() == AliasKind.PRODUCT_LINE ? "product_line" : "gazetteer";
            String kind = m.alias().kind() == AliasKind.PRODUCT_LINE ? "line" : thai ? "known_thai"
                    : atStart ? "known_start" : "known_mid";
            out.add(new Candidate(b, b.name(), m.span(), s, source, m.alias().surface(), kind));
        }
        if (crf != null) {
            List<Token> read = TokenFeatures.asCapitalised(title, tokens); // as the CRF reads them
            CrfBrandModel.Marginals marg = crf.tag(read);
            out.removeIf(c -> "known_mid".equals(c.kind()) && aMeasure(c.span(), tokens, marg.variant()));
            // A span naming no known brand loses the sales talk it opens with (PROMO Toshiba); one that does keeps
            // it (Hot Wheels, Best Foods). Each span is resolved once, and again where a rule below reshapes it.
            List<CrfSpan> spans = new ArrayList<>();
            List<BrandResolver.Resolution> resolutions = new ArrayList<>();
            for (CrfSpan found : CrfSpan.extract(title, read, marg.brand(), crf.vocabulary())) {
                CrfSpan raw = found;
                BrandResolver.Resolution r = spelt(resolver.resolve(raw.span().text()), raw, tokens);
                if (r.brand() == null) {
                    // Kon Thai, not Kon; Tide, not Tide PODS; Sartori, not Sartori Cherrywood. By the case the
                    // seller wrote (tokens, not read).
                    raw = found.withShortOpenerExtended(title, tokens, crf.vocabulary())
                            .withoutCapitalsAfterOpener(title, tokens, marg.brand())
                            .withoutLongLastWord(title, tokens, crf.vocabulary());
                    if (raw != found) {
                        r = spelt(resolver.resolve(raw.span().text()), raw, tokens);
                    }
                }
                CrfSpan span = r.brand() != null ? raw : raw.withoutLeadingSalesTalk(title, tokens, marg.brand());
                if (span != null) {
                    spans.add(span);
                    resolutions.add(span == raw ? r : spelt(resolver.resolve(span.span().text()), span, tokens));
                }
            }
            demoteKnownInsideNewNames(out, spans, tokens, firstWordStart, crf.vocabulary());
            for (int i = 0; i < spans.size(); i++) {
                CrfSpan span = spans.get(i);
                if (hasThai(span.span().text()) || NonBrands.isPlaceholder(span.span().text())) {
                    continue; // the catalog taught the CRF no Thai: its Thai spans are guesses
                }
                BrandResolver.Resolution r = resolutions.get(i);
                if (r.brand() == null && newNames.rejects(span, title, tokens, matches)) {
                    continue;
                }
                boolean atStart = opens(span.span().start(), r.brand() != null
                        && !unreliableMidTitleAt(span.span(), matches), firstWordStart, knownFirstWordStart);
                double s = scorer.crf(span, r, atStart, matches);
                if (r.brand() != null) {
                    out.add(new Candidate(r.brand(), r.brand().name(), span.span(), s, "crf+" + r.how(),
                            span.span().text(), r.how().equals("fuzzy") ? "fuzzy" : atStart ? "known_start"
                            : "known_mid"));
                } else {
                    String kind = !atStart ? NewNameKinds.NEW_MID : NewNameKinds.withLength(
                            !SalesTalk.thaiProductText(title) && newNames.wordsOfTheCatalog(span, tokens)
                            ? NewNameKinds.NEW_WORDS : NewNameKinds.NEW, span.words(tokens));
                    out.add(new Candidate(null, span.span().text().strip(), span.span(), s, "crf",
                            span.span().text(), kind));
                }
            }
            out.addAll(misspellings(tokens, out, firstWordStart));
        }
        for (Span marked : BrandMarkers.find(title)) {
            if (NonBrands.isPlaceholder(marked.text())) {
                continue;
            }
            BrandResolver.Resolution r = resolver.resolve(marked.text());
            if (r.brand() == null && hasThai(marked.text())) {
                // ตรา ทีพอท: the seller names the brand, in Thai, and it sounds exactly like a known one (Tea Pot).
                Brand b = soundAlikes.marked(marked.text());
                if (b != null) {
                    out.add(new Candidate(b, b.name(), marked, 0.95, "marker+transliteration", marked.text(),
                            "marker_known"));
                    continue;
                }
            }
            // "ตรา X" is the seller saying outright which brand it is.
            double s = r.brand() != null ? 0.95 : 0.9;
            out.add(r.brand() != null
                    ? new Candidate(r.brand(), r.brand().name(), marked, s, "marker+" + r.how(), marked.text(),
                    "marker_known")
                    : new Candidate(null, marked.text(), marked, s, "marker", marked.text(), "marker_new"));
        }
        for (BrandMarkers.Named named : BrandMarkers.beforeBrandWord(title)) {
            // "Sups Stars Brand Frozen …": the seller names a brand the knowledge base does not know, as Thai shops
            // write ตรา before one. A name it knows, alone or with the word (Bear Brand), is left to the gazetteer.
            Span name = named.name();
            boolean known = "exact".equals(resolver.resolve(name.text()).how())
                    || "exact".equals(resolver.resolve(named.written().text()).how())
                    || matches.stream().anyMatch(m -> m.span().start() <= name.start() && m.span().end() >= name.end());
            if (!known && !NonBrands.isPlaceholder(name.text()) && !NonBrands.isPlaceholder(named.written().text())
                    && !NonBrands.isSellerTalk(name.text()) && !NonBrands.isOnlyFunctionWords(name.text())
                    && !(newNames != null && newNames.ordinaryWords(name, tokens))) {
                out.add(new Candidate(null, name.text(), name, 0.9, "marker",
                        named.written().text().replaceAll("\\s+", " "), "marker_new"));
            }
        }
        if (hasThai(title) && out.stream().noneMatch(c -> c.score() >= 0.8)) {
            out.addAll(soundAlikes.find(title, tokens, firstWordStart));
            Candidate opening = initials.find(title, firstWordStart); // พีเอฟพี: PFP
            if (opening != null) {
                out.add(opening);
            }
        }
        out.replaceAll(c -> c.brand() != null
                && Fitment.fits(title, c.span(), c.brand().id(), "line".equals(c.kind()), matches)
                ? c.fitting() : c);
        out.sort(CANDIDATE_ORDER);
        knownBeforeWeakSoundAlike(out, tokens);
        return out;
    }

    /**
     * A weak sound-alike is an alternative only ({@link SoundAlikes#WEAK}): when it ranks first, the best known brand
     * found in the title (by name, line or near-spelling) goes before it, whatever the scores. หูฟัง ("earphones")
     * sounds a little like FINISH, and {@code หูฟัง Sony} is Sony. Not a brand whose words the catalog wrote more often
     * outside brand names than in them ({@code หูฟัง Super Bass}, BLUE, MAX: there the word is the word), nor a new name:
     * in {@code ME STYLE กางเกง} NER's answer would then be the CRF's {@code ME}, short of the brand, where the
     * sound-alike's low confidence makes it abstain.
     */
    private void knownBeforeWeakSoundAlike(List<Candidate> sorted, List<Token> tokens) {
        if (sorted.isEmpty() || !SoundAlikes.WEAK_KIND.equals(sorted.getFirst().kind())) {
            return;
        }
        for (int i = 1; i < sorted.size(); i++) {
            Candidate c = sorted.get(i);
            if (c.brand() != null && !SoundAlikes.WEAK_KIND.equals(c.kind()) && !FITS.equals(c.kind())
                    && !mostlyWords(c.span(), tokens)) {
                sorted.addFirst(sorted.remove(i));
                return;
            }
        }
    }

    /** Whether the span has words, all of which the catalog wrote more often outside brand names than in them. */
    private boolean mostlyWords(Span span, List<Token> tokens) {
        if (crf == null) {
            return false;
        }
        boolean any = false;
        for (Token t : tokens) {
            if (t.start() >= span.start() && t.end() <= span.end() && t.isWord()) {
                if (!crf.vocabulary().mostlyAWord(t.norm())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * Where the title's first word stands, after the sales talk a seller may open it with and, if asked, the shipped
     * product words of languages that put what the product is first: in {@code PROMO Toshiba USB} and in Vietnamese
     * {@code Kem chống nắng La Roche-Posay} ("sunscreen La Roche-Posay") the brand opens the title as far as the
     * seller is concerned, as the CRF reads it.
     */
    private static int firstWordAfterSalesTalk(List<Token> tokens, boolean afterProductWords) {
        for (Token t : tokens) {
            if (!t.inTag() && t.type() != TokenType.PUNCT && !NonBrands.isSellerTalk(t.text())
                    && !(afterProductWords && ProductWords.containsNormalised(t.norm()))) {
                return t.start();
            }
        }
        return TitleTokenizer.firstWordStart(tokens);
    }

    /**
     * Whether a name at {@code start} opens the title: at or before its first word, or, for a known name, right
     * after the shipped product words that open it.
     */
    private static boolean opens(int start, boolean known, int firstWordStart, int knownFirstWordStart) {
        return start <= firstWordStart || known && start == knownFirstWordStart;
    }

    /** Whether a gazetteer match of exactly this span is a form the catalog mostly saw mid-title as a word. */
    private static boolean unreliableMidTitleAt(Span span, List<GazetteerMatch> matches) {
        return matches.stream().anyMatch(m -> m.span().start() == span.start() && m.span().end() == span.end()
                && NerScorer.unreliableMidTitle(m));
    }

    /**
     * Whether a known name found inside the title is one measure token that the CRF reads as a size, where sizes
     * stand: at the end of the title, or before a model code or another figure. {@code 3M} at the end of {@code VOX
     * ปลั๊กไฟ 5ช่อง ECO 3M} is a three-metre cord, not 3M, whose name opened every catalog title it was in; in
     * {@code เทปกาวสองหน้า 3M VHB} and {@code แผ่นใยขัด 3M สก๊อตช์ไบรต์} words follow it, and it is the maker.
     */
    private static boolean aMeasure(Span span, List<Token> tokens, double[] variant) {
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.start() == span.start() && t.end() == span.end()) {
                if (t.type() != TokenType.MEASURE || variant[k] < 0.5) {
                    return false;
                }
                if (k >= 2 && tokens.get(k - 1).text().equals("-") && tokens.get(k - 1).end() == t.start()
                        && !tokens.get(k - 2).isWord() && tokens.get(k - 2).end() == tokens.get(k - 1).start()) {
                    return true; // the end of a model code (AP3159-3M)
                }
                for (int n = k + 1; n < tokens.size(); n++) {
                    if (tokens.get(n).type() != TokenType.PUNCT) {
                        return !tokens.get(n).isWord(); // a code, a figure or a size after it
                    }
                }
                return true; // the title ends with it
            }
        }
        return false;
    }

    /**
     * The resolution, unless it takes words the catalog wrote (twice or more) for a misspelt brand: outside brand
     * names, {@code Natural} is no NATUREL, {@code Swiss} no SWISSE, {@code Caesar} no CESAR; inside them,
     * {@code Lipon} (of LIPON F) is no LIPTON. Such a span is then judged as a name the knowledge base does not know.
     * The misspellings the resolver is for ({@code Ganier}, {@code Sandsik}, {@code Cornich}) are words no catalog
     * title has.
     */
    private BrandResolver.Resolution spelt(BrandResolver.Resolution r, CrfSpan span, List<Token> tokens) {
        if (!"fuzzy".equals(r.how())) {
            return r;
        }
        boolean words = false;
        for (int k = span.firstToken(); k <= span.lastToken(); k++) {
            Token t = tokens.get(k);
            if (t.isWord()) {
                if (crf.vocabulary().outsideCount(t.norm()) < ORDINARY_WORD_USES
                        && crf.vocabulary().insideCount(t.norm()) < ORDINARY_WORD_USES) {
                    return r;
                }
                words = true;
            }
        }
        return words ? new BrandResolver.Resolution(null, "none") : r; // a code alone is no ordinary word
    }

    /** How often the catalog must have written a word for it to be a word, not a misspelling. */
    static final int ORDINARY_WORD_USES = 2;

    /** Brands with at least this many catalog products are common enough to be looked for misspelt anywhere. */
    static final int MISSPELT_MIN_PRODUCTS = 5;

    /**
     * Words the catalog never used that are a near-spelling of the name of a brand with several products (one edit;
     * two for names of ten letters or more, as {@link BrandResolver} allows), wherever they stand: that name
     * misspelt ({@code Sandsik} for SanDisk, {@code Ganier} for GARNIER); sellers type fast. A word
     * the catalog has used is a word ({@code Breezy} is not BREEZE misspelt) and is left to the CRF, as is a word
     * inside a known brand already found.
     */
    private List<Candidate> misspellings(List<Token> tokens, List<Candidate> found, int firstWordStart) {
        List<Candidate> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.type() != TokenType.LATIN || t.inTag() || BrandKeys.key(t.text()).length() < 6
                    || crf.vocabulary().seen(t.norm())
                    || found.stream().anyMatch(c -> c.brand() != null && c.span().start() <= t.start()
                    && c.span().end() >= t.end())) {
                continue;
            }
            BrandResolver.Resolution r = resolver.resolve(t.text());
            if (r.brand() != null && r.how().equals("fuzzy") && r.brand().products() >= MISSPELT_MIN_PRODUCTS) {
                boolean atStart = t.start() <= firstWordStart;
                out.add(new Candidate(r.brand(), r.brand().name(), new Span(t.start(), t.end(), t.text()),
                        scorer.misspelt(atStart), "fuzzy", t.text(), "fuzzy"));
            }
        }
        return out;
    }

    private static boolean hasThai(String s) {
        return io.mli.common.text.Script.hasThai(s);
    }

    /**
     * A known brand found inside a longer name that opens the title ({@code Monte} in {@code Del Monte Tomato Soup})
     * is more likely a word of that name than the brand. Unless the words before it are ones the catalog wrote only
     * outside brand names, and often: {@code Tongtin} (22 times, never in a brand) opens the titles of several of
     * its OTOP brands, {@code (OTOP) Tongtin Look Ped Green Curry Paste} is LOOK PED.
     */
    private static void demoteKnownInsideNewNames(List<Candidate> candidates, List<CrfSpan> spans,
                                                  List<Token> tokens, int firstWordStart, Vocabulary vocabulary) {
        for (CrfSpan span : spans) {
            if (span.span().start() > firstWordStart) {
                continue;
            }
            for (int i = 0; i < candidates.size(); i++) {
                Candidate c = candidates.get(i);
                if (c.span().start() > span.span().start() && c.span().end() <= span.span().end()
                        && !onlyNonBrandWordsBetween(tokens, span.span().start(), c.span().start(),
                        vocabulary)) {
                    candidates.set(i, new Candidate(c.brand(), c.name(), c.span(), c.score() * 0.6, c.source(),
                            c.surface(), c.kind()));
                }
            }
        }
    }

    /** Whether the title's words from {@code from} to {@code to} are all words the catalog never wrote in a brand. */
    static boolean onlyNonBrandWordsBetween(List<Token> tokens, int from, int to, Vocabulary vocabulary) {
        boolean any = false;
        for (Token t : tokens) {
            if (t.start() >= from && t.end() <= to && t.type() != TokenType.PUNCT) {
                if (!vocabulary.isNeverABrandWord(t.norm())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * A candidate that names only what the product fits ({@link Fitment}) keeps this share of its score, goes after
     * every other candidate, and is never NER's answer: with nothing else in the title, NER abstains and says so.
     */
    static final double COMPATIBILITY_FACTOR = 0.3;

    /** The kind of a candidate that names what the product fits. */
    static final String FITS = "fits";

    /** Best first: what the product fits after every other candidate, the rest by score. */
    private static final Comparator<Candidate> CANDIDATE_ORDER = Comparator
            .comparing((Candidate c) -> FITS.equals(c.kind()))
            .thenComparing(Comparator.comparingDouble(Candidate::score).reversed());

    /** One token as the CRF sees it, for {@code mli ner explain}. */
    public record TokenView(String text, String type, boolean inTag, double brand, double variant, double category) {
    }

    /** The title's tokens with the CRF's label probabilities (all zero without a CRF model). */
    public List<TokenView> explain(String title) {
        List<Token> tokens = TitleTokenizer.tokenize(title);
        CrfBrandModel.Marginals m = crf == null ? null : crf.tag(TokenFeatures.asCapitalised(title, tokens));
        List<TokenView> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            out.add(new TokenView(t.text(), t.type().name(), t.inTag(), m == null ? 0 : m.brand()[i],
                    m == null ? 0 : m.variant()[i], m == null ? 0 : m.category()[i]));
        }
        return out;
    }

    /** One recognised brand: known ({@code brand} not null) or new, where it stands, and how sure. */
    record Candidate(Brand brand, String name, Span span, double score, String source, String surface, String kind) {
        /** This candidate as one that names what the product fits. */
        Candidate fitting() {
            return new Candidate(brand, name, span, score * COMPATIBILITY_FACTOR, source, surface, FITS);
        }

        BrandGuess toGuess() {
            Evidence ev = new Evidence(source, span, surface, score);
            if (brand == null) {
                // A name announced with its marker word (Cow Brand) is known by both, as are initials and their Thai
                // spelling (PFP, พีเอฟพี). Written as a reader would: M&M's, not the title's M&amp;M&#39;s.
                String name = HtmlEntities.decode(this.name);
                String surface = HtmlEntities.decode(this.surface);
                List<String> names = surface.equals(name) || !"marker".equals(source) && !"initials".equals(source)
                        ? List.of(name) : List.of(name, surface);
                return new BrandGuess(null, name, names, score, List.of(ev));
            }
            List<String> names = brand.allNames();
            if (source.endsWith("transliteration") && !kind.equals(SoundAlikes.WEAK_KIND) && !names.contains(surface)) {
                // The title's own spelling is one of the brand's names from now on: say so with the answer.
                names = new ArrayList<>(names);
                names.add(surface);
            } else if (source.equals("gazetteer") && hasThai(span.text()) && names.stream()
                    .noneMatch(n -> BrandKeys.key(n).equals(BrandKeys.key(span.text())))) {
                // A Thai name matched with other tone marks (คาร์เนชั่น for คาร์เนชัน): the title's spelling too.
                names = new ArrayList<>(names);
                names.add(span.text().strip());
            }
            return new BrandGuess(brand.id(), brand.name(), names, score, List.of(ev));
        }
    }
}
