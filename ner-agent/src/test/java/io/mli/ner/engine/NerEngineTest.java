package io.mli.ner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.domain.AgentAnswer;
import io.mli.common.domain.AgentStatus;
import io.mli.common.domain.InferenceRequest;
import io.mli.common.domain.Span;
import io.mli.common.io.CatalogRow;
import io.mli.common.kb.KbLayout;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseBuilder;
import io.mli.common.kb.KnowledgeBaseStore;
import io.mli.common.kb.StarterKnowledgeBase;
import io.mli.common.text.NormalizedText;
import io.mli.common.text.TextNormalizer;
import io.mli.common.text.TitleTokenizer;
import io.mli.common.text.Token;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerEngineTest {
    static KnowledgeBase kb;
    static NerTrainer.Trained trained;

    @BeforeAll
    static void train() {
        List<CatalogRow> rows = SmallCatalog.rows();
        kb = new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
        trained = new NerTrainer(60, 10, Integer.MAX_VALUE, 1).train(rows, kb);
    }

    @Test
    void distantSupervisionLabelsTheBrandVariantsAndCategoryWords() {
        // "Red" is a colour, so a variant; "Curry Paste" are words of the category path.
        CatalogRow row = new CatalogRow(1, "Mae Ploy Red Curry Paste 50g.", "MAE PLOY", "Pantry /// Curry Paste",
                java.util.Map.of());
        DistantSupervision.Example e = DistantSupervision.label(row,
                TitleTokenizer.tokenize(row.title()), kb);
        assertThat(e).isNotNull();
        assertThat(e.labels()).containsExactly("BRAND", "BRAND", "VARIANT", "CATEGORY", "CATEGORY", "VARIANT", "O");
        assertThat(DistantSupervision.withoutBrand(e).labels()).doesNotContain("BRAND");
    }

    @Test
    void aKnownNameWithAPossessiveSIsThatBrand() {
        // "Mackays" for MACKAY: the title dropped the apostrophe of Mackay's.
        BrandResolver resolver = resolverOf("Mackay Strawberry Jam 340g.", "MACKAY");
        assertThat(resolver.resolve("Mackays").brand().id()).isEqualTo("mackay");
        assertThat(resolver.resolve("Mack").brand()).isNull();
    }

    @Test
    void aNearSpellingChangesLettersNotFigures() {
        BrandResolver resolver = resolverOf("101Plus Soy Sauce 250ml.", "101 PLUS");
        assertThat(resolver.resolve("101Plos").how()).isEqualTo("fuzzy");
        assertThat(resolver.resolve("100PLUS").brand()).as("another drink, not 101 PLUS misspelt").isNull();
        assertThat(resolver.resolve("1010Plus").brand()).isNull();
        // A name without figures may be written with one for a letter, as sellers do to pass keyword filters.
        assertThat(resolverOf("Colgate Total Toothpaste 150g", "COLGATE").resolve("C0lgate").how()).isEqualTo("fuzzy");
    }

    /** A resolver over a knowledge base of one catalog title, without the starter. */
    private static BrandResolver resolverOf(String title, String brand) {
        return new BrandResolver(new KnowledgeBaseBuilder().addAll(List.of(
                new CatalogRow(1, title, brand, null, java.util.Map.of()))).starter(false).build());
    }

    @Test
    void initialsJoinedByAnAmpersandNameTheirBrandOnlyWrittenWithIt() {
        BrandResolver resolver = resolverOf("S&P Pork Panang Curry 300g.", "S&P");
        assertThat(resolver.resolve("S&P").brand().id()).isEqualTo("sp");
        assertThat(resolver.resolve("S & P").brand().id()).isEqualTo("sp");
        assertThat(resolver.resolve("SP").brand()).as("a seller's code, as in 'SP CAS CASING HDD'").isNull();
    }

    @Test
    void distantSupervisionMarksTheLabelWhereALongerNameStartsTheSame() {
        // The starter knows "Est Cola" as a name of EST; a row labelled EST still marks only "Est".
        List<CatalogRow> rows = List.of(new CatalogRow(1, "Est Cola Zero Sugar 325ml", "EST", null, java.util.Map.of()));
        KnowledgeBase withStarter = new KnowledgeBaseBuilder().addAll(rows).starter(true).build();
        assertThat(withStarter.byId("est").orElseThrow().aliases()).contains("Est Cola");
        assertThat(DistantSupervision.locateBrand(rows.getFirst(), withStarter).text()).isEqualTo("Est");
    }

    @Test
    void aBrandWithoutCatalogProductsSaysSoForItsCategory() {
        // Known only from the starter (Eucerin), a brand has no catalog products to give a category: NER says so, and
        // the orchestrator asks retrieval for the neighbours' category. A catalog brand (NIVEA) does not.
        List<CatalogRow> rows = new ArrayList<>(SmallCatalog.rows());
        rows.add(new CatalogRow(900, "Zabrina Canvas Tote Bag", "ZABRINA", null, Map.of())); // no category
        KnowledgeBase withStarter = new KnowledgeBaseBuilder().addAll(rows).starter(true).build();
        assertThat(withStarter.byId("eucerin").orElseThrow().products()).isZero();
        NerEngine ner = new NerEngine(withStarter, null);
        AgentAnswer starterOnly = ner.infer(InferenceRequest.of("Eucerin Spotless Brightening Body Lotion 250ml"));
        assertThat(starterOnly.brand().id()).isEqualTo("eucerin");
        assertThat(starterOnly.category()).isNull();
        assertThat(starterOnly.usage()).containsEntry(AgentAnswer.NO_CATALOG_PRODUCTS, true);
        AgentAnswer catalog = ner.infer(InferenceRequest.of("Nivea Soft Cream 100ml."));
        assertThat(catalog.brand().id()).isEqualTo("nivea");
        assertThat(catalog.usage()).doesNotContainKey(AgentAnswer.NO_CATALOG_PRODUCTS);
        // Nor one whose catalog rows have no category (as the catalog's Lazada rows): its neighbours have none either.
        AgentAnswer uncategorised = ner.infer(InferenceRequest.of("Zabrina Canvas Tote Bag Blue"));
        assertThat(uncategorised.brand().id()).isEqualTo("zabrina");
        assertThat(uncategorised.category()).isNull();
        assertThat(uncategorised.usage()).doesNotContainKey(AgentAnswer.NO_CATALOG_PRODUCTS);
    }

    @Test
    void trainingReportsWhatItLearnedFrom() {
        assertThat(trained.report().examples()).isGreaterThan(SmallCatalog.rows().size());
        assertThat(trained.report().trainedOn()).isEqualTo(trained.report().examples()); // no cap in this test
        assertThat(trained.report().skipped()).isZero();
    }

    @Test
    void aProductLineOpeningTheTitleNamesItsBrandEvenIfTheCatalogSawItOnlyInAccessories() {
        List<CatalogRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(new CatalogRow(i, "Clear Case for iPhone 1" + i + " Anti Shock", "Spigen", null,
                    java.util.Map.of()));
        }
        rows.add(new CatalogRow(9, "Promax Bathroom Cleaner Blue 900ml.", "PROMAX", null, java.util.Map.of()));
        KnowledgeBase withLines = new KnowledgeBaseBuilder().addAll(rows).starter(true).build();
        AgentAnswer a = new NerEngine(withLines, null).infer(InferenceRequest.of("iPhone 15 Pro Max 256GB สีดำ"));
        assertThat(a.brand().id()).isEqualTo("apple");
        assertThat(a.alternatives()).extracting(g -> g.id()).contains("promax");
    }

    @Test
    void findsAKnownBrandWithItsSpan() {
        NerEngine ner = new NerEngine(kb, trained.model());
        String title = "Kikkoman Teriyaki Marinade 250ml.";
        AgentAnswer a = ner.infer(InferenceRequest.of(title));
        assertThat(a.status()).isEqualTo(AgentStatus.OK);
        assertThat(a.brand().id()).isEqualTo("kikkoman");
        assertThat(a.brand().evidence().getFirst().span().start()).isZero();
        assertThat(a.brand().evidence().getFirst().span().end()).isEqualTo("Kikkoman".length());
        assertThat(a.detail()).isEqualTo("known_start");
        // All six Kikkoman products sit in the one category: NER's category is the brand's, at a share of 1.
        assertThat(a.category().path()).isEqualTo("Grocery /// Food");
        assertThat(a.category().confidence()).isEqualTo(1.0);
    }

    @Test
    void aKnownBrandAfterProductWordsOfAnotherLanguageOpensTheTitle() {
        // Vietnamese "Nước tương" (soy sauce) says what the product is; the seller's own words begin at the brand.
        NerEngine ner = new NerEngine(kb, trained.model());
        AgentAnswer a = ner.infer(InferenceRequest.of("Nước tương Kikkoman 250ml"));
        assertThat(a.brand().id()).isEqualTo("kikkoman");
        assertThat(a.detail()).isEqualTo("known_start");
    }

    @Test
    void aKnownNameTheCatalogSawMidTitleAsAWordDoesNotOpenTheTitleAfterProductWords() {
        // DATA makes power strips, and its titles open with its name; inside other brands' titles "Kabel Data" is a
        // data cable. After the Indonesian product word "Kabel" the word is that, not a brand opening the title.
        List<CatalogRow> rows = new java.util.ArrayList<>(SmallCatalog.rows());
        for (int i = 0; i < 3; i++) {
            rows.add(new CatalogRow(1000 + i, "Data Power Strip " + (i + 2) + "Sockets", "DATA", null,
                    java.util.Map.of()));
            rows.add(new CatalogRow(2000 + i, "Heinz Soy Sauce Gratis Kabel Data " + i, "HEINZ", null,
                    java.util.Map.of()));
        }
        KnowledgeBase withData = new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
        NerEngine ner = new NerEngine(withData, trained.model());

        AgentAnswer opening = ner.infer(InferenceRequest.of("Data Power Strip 4Sockets"));
        AgentAnswer afterWords = ner.infer(InferenceRequest.of("Kabel Data Type C 1 Meter"));

        assertThat(opening.brand().id()).isEqualTo("data");
        assertThat(opening.detail()).isEqualTo("known_start");
        assertThat(afterWords.detail()).isNotEqualTo("known_start");
    }

    @Test
    void aNameInSmallLettersWhereTheSellerCapitalisesIsAWord() {
        String title = "Hộp đựng thực phẩm thủy tinh 3 ngăn";
        Span food = new Span(9, 13, "thực");
        assertThat(title.substring(food.start(), food.end())).isEqualTo("thực");
        assertThat(NewNameFilter.writtenAsAWord(food, title)).isTrue();
        // Capitalised, or in a title typed all in small letters, a name may be a brand.
        assertThat(NewNameFilter.writtenAsAWord(new Span(0, 3, "Hộp"), title)).isFalse();
        assertThat(NewNameFilter.writtenAsAWord(new Span(0, 6, "recare"), "recare lotion")).isFalse();
        assertThat(NewNameFilter.writtenAsAWord(new Span(6, 11, "iKids"), "Baju iKids Anak")).isFalse();
    }

    @Test
    void aNewNameMadeOfProductWordsAndAKnownBrandIsTheKnownBrand() {
        // As the CRF may read "Soy Sauce Kikkoman": words the catalog writes outside brand names, then a known name.
        NerEngine ner = new NerEngine(kb, trained.model());
        String title = "Tai nghe Soy Sauce Kikkoman Bowie E9";
        NormalizedText nt = TextNormalizer.normalize(title);
        List<Token> tokens = TitleTokenizer.tokenize(nt);
        var matches = kb.gazetteer().find(nt);
        int soy = title.indexOf("Soy");
        int end = title.indexOf(" Bowie");
        int first = indexOfToken(tokens, soy);
        int last = indexOfToken(tokens, title.indexOf("Kikkoman"));
        CrfSpan productsThenBrand = new CrfSpan(new Span(soy, end, title.substring(soy, end)),
                first, last, 0.9, 0.9);
        NewNameFilter newNames = new NewNameFilter(trained.model().vocabulary());
        assertThat(newNames.productWordsThenKnownName(productsThenBrand, tokens, matches)).isTrue();
        // An unknown word before the known name: a name of its own, which may contain the known one (Del Monte).
        String other = "Zabrowski Kikkoman Gold 250ml";
        NormalizedText ot = TextNormalizer.normalize(other);
        List<Token> otherTokens = TitleTokenizer.tokenize(ot);
        int otherEnd = other.indexOf(" Gold");
        CrfSpan unknownThenBrand = new CrfSpan(new Span(0, otherEnd,
                other.substring(0, otherEnd)), 0, indexOfToken(otherTokens, other.indexOf("Kikkoman")), 0.9, 0.9);
        assertThat(newNames.productWordsThenKnownName(unknownThenBrand, otherTokens, kb.gazetteer().find(ot)))
                .isFalse();
        assertThat(ner.infer(InferenceRequest.of(title)).brand().id()).isEqualTo("kikkoman");
        assertThat(ner.candidates(title)).noneMatch(c -> c.name().contains("Sauce"));
    }

    private static int indexOfToken(List<Token> tokens, int start) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() == start) {
                return i;
            }
        }
        throw new AssertionError("no token at " + start);
    }

    @Test
    void findsABrandTheCatalogNeverSawFromWhereItStands() {
        NerEngine ner = new NerEngine(kb, trained.model());
        AgentAnswer a = ner.infer(InferenceRequest.of("Zabrowski Tomato Ketchup 300g."));
        assertThat(a.status()).isEqualTo(AgentStatus.OK);
        assertThat(a.brand().id()).isNull();
        assertThat(a.brand().name()).isEqualTo("Zabrowski");
        assertThat(a.detail()).isEqualTo("new.one");
    }

    @Test
    void aPromotionTagOpeningTheTitleDoesNotChangeHowTheCrfReadsTheRest() {
        List<Token> plain = TitleTokenizer.tokenize("Zabrowski Tomato Ketchup 300g.");
        List<Token> tagged = TitleTokenizer.tokenize("(OTOP) Zabrowski Tomato Ketchup 300g.");
        assertThat(CrfBrandModel.afterOpeningTag(tagged)).isEqualTo(3);
        assertThat(CrfBrandModel.afterOpeningTag(plain)).isZero();
        double[] a = trained.model().tag(plain).brand();
        double[] b = trained.model().tag(tagged).brand();
        assertThat(b).hasSize(a.length + 3);
        assertThat(java.util.Arrays.copyOfRange(b, 3, b.length)).containsExactly(a);
        // A title that is nothing but a tag is read whole.
        assertThat(CrfBrandModel.afterOpeningTag(TitleTokenizer.tokenize("[Heinz]"))).isZero();
        NerEngine ner = new NerEngine(kb, trained.model());
        assertThat(ner.infer(InferenceRequest.of("[Promo] Zabrowski Tomato Ketchup 300g.")).brand().name())
                .isEqualTo("Zabrowski");
        // The opening tag itself is read with the whole title: a brand in brackets is still a brand.
        List<Token> bracketed = TitleTokenizer.tokenize(
                "[Zabrowski] Tomato Ketchup 300g.");
        assertThat(CrfBrandModel.afterOpeningTag(bracketed)).isEqualTo(3);
        double[] whole = trained.model().tag(bracketed).brand();
        assertThat(whole[1]).as("Zabrowski inside the brackets").isGreaterThan(0.5);
        // Product words a seller of another language opens with are skipped like a tag.
        List<Token> vietnamese = TitleTokenizer.tokenize(
                "Sữa tươi Zabrowski Tomato Ketchup 300g.");
        assertThat(CrfBrandModel.afterOpeningTag(vietnamese)).isEqualTo(2);
        assertThat(ner.infer(InferenceRequest.of("Sữa tươi Zabrowski Tomato Ketchup 300g.")).brand().name())
                .isEqualTo("Zabrowski");
    }

    @Test
    void aKnownBrandAfterAWordTheCatalogNeverWroteInABrandNameIsThatBrand() {
        // Tongtin opens the titles of several OTOP brands and is never one of their names: in
        // "Tongtin Look Ped …" the CRF's longer span does not hide LOOK PED, as "Del Monte" hides MONTE.
        List<CatalogRow> rows = new java.util.ArrayList<>(SmallCatalog.rows());
        String[] otop = {"Look Ped", "Mae Aew", "Oyu Cha"};
        String[] products = {"Green Curry Paste 80g", "Pork Rinds 40g", "Brown Rice Tea 112g", "Chilli Paste 90g"};
        long line = 1000;
        for (String b : otop) {
            for (String p : products) {
                rows.add(new CatalogRow(line++, "(OTOP) Tongtin " + b + " " + p, b.toUpperCase(), "Grocery /// Food",
                        java.util.Map.of()));
            }
        }
        KnowledgeBase otopKb = new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
        NerTrainer.Trained model = new NerTrainer(60, 10, Integer.MAX_VALUE, 1).train(rows, otopKb);
        Vocabulary vocabulary = model.model().vocabulary();
        assertThat(vocabulary.isNeverABrandWord("tongtin")).isTrue();
        assertThat(vocabulary.isNeverABrandWord("ped")).isFalse();
        assertThat(vocabulary.isNeverABrandWord("del")).as("a brand word (Del Rio)").isFalse();
        String title = "Tongtin Look Ped Red Curry Paste 80g";
        List<Token> tokens = TitleTokenizer.tokenize(title);
        assertThat(NerEngine.onlyNonBrandWordsBetween(tokens, 0, title.indexOf("Look"), vocabulary)).isTrue();
        assertThat(NerEngine.onlyNonBrandWordsBetween(tokens, 0, title.indexOf("Ped"), vocabulary))
                .as("Look is a brand word").isFalse();
        assertThat(NerEngine.onlyNonBrandWordsBetween(tokens, 0, 0, vocabulary)).as("no words at all").isFalse();
        NerEngine ner = new NerEngine(otopKb, model.model());
        for (String t : List.of("(OTOP) Tongtin Look Ped Red Curry Paste 80g", "Tongtin Look Ped Soy Sauce 150ml.")) {
            AgentAnswer a = ner.infer(InferenceRequest.of(t));
            assertThat(a.brand().id()).as(t).isEqualTo("lookped");
        }
    }

    @Test
    void aBrandTheProductIsForIsNotItsMaker() {
        NerEngine ner = new NerEngine(kb, trained.model());
        double plain = kikkoman(ner.candidates("Lid and Kikkoman Soy Sauce Bottle"));
        List<NerEngine.Candidate> fits = ner.candidates("Lid for Kikkoman Soy Sauce Bottle");
        assertThat(kikkoman(fits)).isCloseTo(plain * NerEngine.COMPATIBILITY_FACTOR,
                org.assertj.core.data.Offset.offset(0.05));
        assertThat(fits).filteredOn(c -> c.brand() != null && c.brand().id().equals("kikkoman"))
                .allSatisfy(c -> assertThat(c.kind()).isEqualTo(NerEngine.FITS));
        // The small catalog's CRF takes any title's first words for a brand: the gazetteer alone here.
        NerEngine names = new NerEngine(kb, null);
        AgentAnswer a = names.infer(InferenceRequest.of("spare lid for Kikkoman soy sauce bottle"));
        assertThat(a.status()).isEqualTo(AgentStatus.ABSTAINED);
        assertThat(a.detail()).isEqualTo("the title names only what the product fits: KIKKOMAN");
        assertThat(a.alternatives()).as("no candidates for the hybrid step to confirm").isEmpty();
        // Another brand in the title is the answer, however weak, ahead of what the product fits.
        assertThat(names.infer(InferenceRequest.of("Heinz lid for Kikkoman soy sauce bottle")).brand().id())
                .isEqualTo("heinz");
    }

    @Test
    void aPhoneNamedByTheAccessoryThatFitsItIsNotTheAccessorysMaker() {
        List<CatalogRow> rows = List.of(
                new CatalogRow(1, "Promax Water Pump 1HP", "PROMAX", null, java.util.Map.of()),
                new CatalogRow(2, "Promax Water Pump 2HP", "PROMAX", null, java.util.Map.of()));
        KnowledgeBase withPhones = new KnowledgeBaseBuilder().addAll(rows).starter(true).build();
        NerEngine ner = new NerEngine(withPhones, null);
        // iPhone's model name ends in "Pro Max": that is no PROMAX pump.
        assertThat(ner.infer(InferenceRequest.of("iPhone 14 Pro Max 256GB")).brand().id()).isEqualTo("apple");
        assertThat(ner.candidates("iPhone 14 Pro Max 256GB")).filteredOn(c -> c.brand().id().equals("promax"))
                .allSatisfy(c -> assertThat(c.kind()).isEqualTo(NerEngine.FITS)).isNotEmpty();
        assertThat(ner.infer(InferenceRequest.of("Water Pump Pro Max 1HP")).brand().id()).isEqualTo("promax");
        // A case for the iPhone, in Thai and in Vietnamese, is no Apple product.
        for (String t : List.of("เคสไอโฟน 14 ซิลิโคน", "Ốp lưng iPhone 14 Pro Max trong suốt")) {
            AgentAnswer a = ner.infer(InferenceRequest.of(t));
            assertThat(a.status()).as(t).isEqualTo(AgentStatus.ABSTAINED);
            assertThat(a.detail()).as(t).startsWith("the title names only what the product fits");
        }
        assertThat(ner.infer(InferenceRequest.of("ไอโฟน 14 256GB")).brand().id()).isEqualTo("apple");
    }

    private static double kikkoman(List<NerEngine.Candidate> candidates) {
        return candidates.stream().filter(c -> c.brand() != null && c.brand().id().equals("kikkoman"))
                .mapToDouble(NerEngine.Candidate::score).max().orElseThrow();
    }

    @Test
    void aWordTheCatalogNeverUsedOneEditFromAKnownBrandIsThatBrandMisspeltWhereverItStands() {
        NerEngine ner = new NerEngine(kb, trained.model());
        // Lower case in the middle of the title, where the CRF sees no brand.
        List<NerEngine.Candidate> found = ner.candidates("Soy Sauce for Sushi by kikkomna Less Salt 150ml.");
        assertThat(found).filteredOn(c -> c.brand() != null).anySatisfy(c -> {
            assertThat(c.brand().id()).isEqualTo("kikkoman");
            assertThat(c.source()).isEqualTo("fuzzy");
            assertThat(c.span().text()).isEqualTo("kikkomna");
        });
        // Two edits away from a name of eight letters is another word, not a misspelling.
        assertThat(ner.candidates("Soy Sauce for Sushi by kikomnna Less Salt 150ml."))
                .noneMatch(c -> c.brand() != null && c.brand().id().equals("kikkoman"));
    }

    @Test
    void aTitleOpeningWithWhatTheProductIsNamesNoNewBrandThere() {
        NerEngine ner = new NerEngine(kb, trained.model());
        // "Tomato", "Ketchup", "Soy", "Sauce" stand in the catalog's titles after the brand, time and again.
        for (String title : List.of("Tomato Ketchup Extra Hot 300g.", "Soy Sauce Less Salt 150ml.",
                "Tomato's Ketchup Extra Hot 300g.")) {
            assertThat(ner.candidates(title)).as(title).noneMatch(c -> c.brand() == null && c.kind().startsWith("new"));
        }
        assertThat(ner.infer(InferenceRequest.of("Zabrowski Tomato Ketchup 300g.")).brand().name())
                .isEqualTo("Zabrowski");
    }

    @Test
    void junkRunsOfLettersAreNoNewBrand() {
        NerEngine ner = new NerEngine(kb, trained.model());
        for (String title : List.of("Zabrowski".repeat(100) + " Tomato Ketchup 300g.",
                "Zabrowski Abcdefghijklmnopqrstuvwxyzabcdefghij Ketchup 300g.")) {
            assertThat(ner.candidates(title)).as(title).noneMatch(c -> c.brand() == null
                    && c.name().length() > NewNameFilter.MAX_NEW_NAME
                    || c.name().contains("Abcdefghijklmnopqrstuvwxyz"));
        }
    }

    @Test
    void aNameInAScriptTheCatalogWroteNoBrandInIsNoNewBrand() {
        NerEngine ner = new NerEngine(kb, trained.model());
        // The CRF tags the first word of a title as a brand; here ICU breaks ユニクロ into ユニ + クロ, and the
        // catalog taught it no brand name in Japanese: half a word is not a brand.
        for (String title : List.of("ユニクロ ヒートテック Tシャツ", "ザブロフスキー Tomato Ketchup 300g.")) {
            assertThat(ner.candidates(title)).as(title).noneMatch(c -> c.brand() == null);
        }
        assertThat(ner.infer(InferenceRequest.of("Zabrowski Tomato Ketchup 300g.")).brand().name())
                .isEqualTo("Zabrowski");
    }

    @Test
    void salesTalkWhereABrandWouldStandIsNoBrand() {
        NerEngine ner = new NerEngine(kb, trained.model());
        // Where the brand would stand, "Zabrowski" is a new brand; "New" there is the seller's sales talk.
        assertThat(ner.infer(InferenceRequest.of("Zabrowski Tomato Ketchup 300g.")).brand()).isNotNull();
        AgentAnswer a = ner.infer(InferenceRequest.of("New Tomato Ketchup 300g."));
        assertThat(a.brand() == null ? null : a.brand().name()).isNotEqualTo("New");
        assertThat(a.alternatives()).noneMatch(g -> g.name().equals("New"));
        // Sales talk before a new brand is not part of its name.
        AgentAnswer promo = ner.infer(InferenceRequest.of("Promo Zabrowski Tomato Ketchup 300g."));
        assertThat(promo.brand().name()).isEqualTo("Zabrowski");
        assertThat(promo.detail()).as("opens the title, as far as the seller is concerned").isEqualTo("new.one");
    }

    @Test
    void productLinesAndThaiSpellingsFromTheStarter() {
        NerEngine ner = NerEngine.open(StarterKnowledgeBase.get(), null);
        assertThat(ner.infer(InferenceRequest.of("iPhone 15 Pro Max สีดำ")).brand().name()).isEqualTo("Apple");
        assertThat(ner.infer(InferenceRequest.of("ครีมยูเซอรินสูตรใหม่")).brand().name()).isEqualTo("Eucerin");
        assertThat(ner.infer(InferenceRequest.of("Generic USB Cable")).status()).isEqualTo(AgentStatus.ABSTAINED);
        // A product line the CRF reads as a name (Acecook's "Hảo Hảo" noodles) is its brand, not a new one.
        AgentAnswer noodles = ner.infer(InferenceRequest.of("Mì Hảo Hảo tôm chua cay thùng 30 gói"));
        assertThat(noodles.brand().name()).isEqualTo("Acecook");
        assertThat(noodles.detail()).isEqualTo("line");
        // Me-O's Thai name is the end of Premio's, whose own Thai name the starter knows so that the longer wins.
        assertThat(ner.infer(InferenceRequest.of("มีโอ เพาซ์ ปลาทูกับปลาซาร์ดีน 80ก.")).brand().name())
                .isEqualTo("Me-O");
        assertThat(ner.infer(InferenceRequest.of("พรีมีโอ นักเก็ตไก่ 1 กก.")).brand().name()).isEqualTo("Premio");
    }

    @Test
    void aKnownNameThatIsASizeInsideTheTitleIsNoBrand() {
        List<CatalogRow> rows = new ArrayList<>(SmallCatalog.rows());
        String[] makers = {"Toshino", "Anitech", "Vox", "Randy", "Bellmax", "Vexxo"};
        String[] sizes = {"3M", "5M", "2M", "3M", "5M", "10M"};
        long line = 1000;
        for (int i = 0; i < makers.length; i++) {
            for (int w = 3; w <= 5; w++) {
                String title = makers[i] + " Power Strip " + w + " Way " + sizes[(i + w) % sizes.length];
                rows.add(new CatalogRow(line++, title, makers[i].toUpperCase(), "Electronics", Map.of()));
            }
        }
        for (String product : List.of("Scotch Brite Sponge 3pcs", "Nexcare Plaster 10pcs", "Command Hook Small")) {
            rows.add(new CatalogRow(line++, "3M " + product, "3M", "Household", Map.of()));
        }
        KnowledgeBase withSizes = new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
        NerEngine ner = new NerEngine(withSizes, NerTrainer.quick().train(rows, withSizes).model());
        // A three-metre cord: the 3M at the end is its length, not the maker.
        AgentAnswer cord = ner.infer(InferenceRequest.of("Zeberg Power Strip 3 Way 3M"));
        assertThat(cord.brand().name()).isEqualTo("Zeberg");
        assertThat(cord.alternatives()).noneMatch(g -> "3M".equals(g.name()));
        assertThat(ner.infer(InferenceRequest.of("3M Scotch Brite Sponge 6pcs")).brand().name()).isEqualTo("3M");
        // Followed by words, the name is the maker's even where the CRF reads it as a size.
        AgentAnswer tape = ner.infer(InferenceRequest.of("Power Strip Tape 3M Scotch Brite"));
        assertThat(Stream.concat(Stream.of(tape.brand()), tape.alternatives().stream()).filter(Objects::nonNull))
                .anyMatch(g -> "3M".equals(g.name()));
    }

    @Test
    void aLongThaiSpellingMatchesWithOtherToneMarksAndIsReturnedAsOneOfTheBrandsNames() {
        NerEngine ner = NerEngine.open(StarterKnowledgeBase.get(), null);
        // The starter spells them เซ็นโซดายน์ and คาร์เนชัน; shops write เซนโซดายน์ and คาร์เนชั่น too.
        AgentAnswer toothpaste = ner.infer(InferenceRequest.of("เซนโซดายน์ยาสีฟัน มัลติแคร์ 160ก."));
        assertThat(toothpaste.brand().name()).isEqualTo("Sensodyne");
        assertThat(toothpaste.brand().aliases()).contains("เซ็นโซดายน์", "เซนโซดายน์");
        AgentAnswer milk = ner.infer(InferenceRequest.of("คาร์เนชั่น พลัส"));
        assertThat(milk.brand().name()).isEqualTo("Carnation");
        assertThat(milk.brand().aliases()).contains("คาร์เนชั่น");
        // The starter's own spelling is not said twice.
        assertThat(ner.infer(InferenceRequest.of("คาร์เนชัน พลัส")).brand().aliases()).containsOnlyOnce("คาร์เนชัน");
    }

    @Test
    void aBrandMarkerNamesABrandInThai() {
        NerEngine ner = NerEngine.open(StarterKnowledgeBase.get(), null);
        AgentAnswer a = ner.infer(InferenceRequest.of("น้ำตาลมะพร้าว ตราอินทรีย์สควีซ"));
        assertThat(a.brand().name()).isEqualTo("อินทรีย์สควีซ");
        assertThat(a.detail()).isEqualTo("marker_new");
    }

    @Test
    void aThaiWordOpeningTheTitleThatSoundsLikeAKnownBrandNamesIt() {
        KnowledgeBase kb = soundAlikes();
        NerEngine ner = new NerEngine(kb, null);
        AgentAnswer a = ner.infer(InferenceRequest.of("ไบโอวิต เอ็กซ์เอส ช็อกโกแลตเฟลเวอร์"));
        assertThat(a.brand().name()).isEqualTo("BIOVITT");
        assertThat(a.detail()).isEqualTo("translit");
        assertThat(a.brand().score()).isEqualTo(SoundAlikes.WORD);
        // The title's spelling comes back among the brand's names, so a label written in Thai matches it.
        assertThat(a.brand().aliases()).contains("Biovitt", "ไบโอวิต");
        // Silent letters the Latin still writes (มิลค์, milk) and an r Thai drops (คาร์เนชั่น, carnation).
        assertThat(ner.infer(InferenceRequest.of("เอ็มมิลค์ ไขมันต่ำ")).brand().name()).isEqualTo("M MILK");
        assertThat(ner.infer(InferenceRequest.of("คาร์เนชั่น พลัส")).brand().name()).isEqualTo("CARNATION");
    }

    @Test
    void twoThaiWordsOpeningTheTitleMaySoundLikeATwoWordName() {
        NerEngine ner = new NerEngine(soundAlikes(), null);
        AgentAnswer a = ner.infer(InferenceRequest.of("ซุปเปอร์ ล็อค กล่องแก้วถนอมอาหาร ทรงกลม 950 มล."));
        assertThat(a.brand().name()).isEqualTo("SUPER LOCK");
        assertThat(a.detail()).isEqualTo("translit");
        assertThat(a.brand().evidence().getFirst().span().text()).isEqualTo("ซุปเปอร์ ล็อค");
        // Further in, two words are not read as one name.
        AgentAnswer mid = ner.infer(InferenceRequest.of("กล่องแก้วถนอมอาหาร ซุปเปอร์ ล็อค 950 มล."));
        assertThat(mid.brand() == null || !"translit".equals(mid.detail())).isTrue();
    }

    @Test
    void aSoundAlikeInsideTheTitleOrWithOtherVowelsIsOnlyAWeakAlternative() {
        NerEngine ner = new NerEngine(soundAlikes(), null);
        // ลิตร ("litre") has ULTRA's consonants, mid-title: chance.
        AgentAnswer mid = ner.infer(InferenceRequest.of("น้ำมันปาล์ม ลิตร"));
        assertThat(mid.status() == AgentStatus.ABSTAINED || mid.detail().equals("translit_weak")).isTrue();
        // คุ้มค่า ("worth it") opens the title with GOMUC's consonants, but its vowels are not GOMUC's.
        AgentAnswer vowels = ner.infer(InferenceRequest.of("คุ้มค่า ปูอัดแช่แข็ง 250 กรัม"));
        assertThat(vowels.status() == AgentStatus.ABSTAINED || vowels.detail().equals("translit_weak")).isTrue();
    }

    @Test
    void aKnownBrandWrittenInTheTitleGoesBeforeAWeakSoundAlike() {
        // Sony mid-title named other makers' batteries in this catalog, so its score there is under the weak one's.
        List<CatalogRow> rows = List.of(
                new CatalogRow(1, "Finish Dishwasher Tablets 30pcs", "FINISH", null, java.util.Map.of()),
                new CatalogRow(2, "Sony Walkman NW-A55", "SONY", null, java.util.Map.of()),
                new CatalogRow(3, "Kastar Battery for Sony Camera", "KASTAR", null, java.util.Map.of()),
                new CatalogRow(4, "Kastar Charger for Sony Camera", "KASTAR", null, java.util.Map.of()));
        NerEngine ner = new NerEngine(new KnowledgeBaseBuilder().addAll(rows).starter(false).build(), null);
        // หูฟัง ("earphones") has FINISH's consonants: a weak sound-alike, found, but after the Sony written there.
        List<NerEngine.Candidate> candidates = ner.candidates("หูฟัง Sony ตัดเสียงรบกวน");
        assertThat(candidates).anyMatch(c -> c.kind().equals(SoundAlikes.WEAK_KIND) && c.name().equals("FINISH"));
        assertThat(candidates.stream().filter(c -> c.name().equals("SONY")).findFirst().orElseThrow().score())
                .isLessThan(SoundAlikes.WEAK);
        assertThat(candidates.getFirst().name()).isEqualTo("SONY");
        // Alone, it is still NER's (weak) answer.
        assertThat(ner.candidates("หูฟัง ตัดเสียงรบกวน").getFirst().kind()).isEqualTo(SoundAlikes.WEAK_KIND);
        // A brand whose name the model's catalog writes mostly as a word (Green Tea) does not go first: there it is
        // the word. (Here too the form's mid-title record puts it under the sound-alike.)
        List<CatalogRow> withGreen = new java.util.ArrayList<>(rows);
        withGreen.add(new CatalogRow(5, "Green Bamboo Chopsticks 10 pairs", "GREEN", null, java.util.Map.of()));
        withGreen.add(new CatalogRow(6, "Kastar Green Battery AA 2pcs", "KASTAR", null, java.util.Map.of()));
        withGreen.add(new CatalogRow(7, "Kastar Green Battery AAA 2pcs", "KASTAR", null, java.util.Map.of()));
        NerEngine withModel = new NerEngine(new KnowledgeBaseBuilder().addAll(withGreen).starter(false).build(),
                trained.model());
        assertThat(withModel.candidates("หูฟัง Green ตัดเสียงรบกวน")).anyMatch(c -> c.name().equals("GREEN"))
                .first().extracting(NerEngine.Candidate::name).isNotEqualTo("GREEN");
        assertThat(withModel.candidates("หูฟัง Sony ตัดเสียงรบกวน").getFirst().name()).isEqualTo("SONY");
    }

    @Test
    void aBrandMarkerBeforeAThaiSpellingOfAKnownBrandNamesThatBrand() {
        NerEngine ner = new NerEngine(soundAlikes(), null);
        // TEAPOT and TIPTOP share their consonants; the vowels choose.
        AgentAnswer a = ner.infer(InferenceRequest.of("ครีมเทียมข้นหวาน ตรา ทีพอท"));
        assertThat(a.brand().name()).isEqualTo("TEAPOT");
        assertThat(a.detail()).isEqualTo("marker_known");
        // Inside อัตรา ("rate"), ตรา is no marker.
        assertThat(BrandMarkers.find("อัตราส่วน 1:2")).isEmpty();
        assertThat(BrandMarkers.find("นมข้น (ตรา ทีพอท)")).extracting(s -> s.text()).containsExactly("ทีพอท");
        // ตรา romanised at the start of an English title.
        assertThat(BrandMarkers.find("Tra Maekrua Oyster Sauce 150cc.")).extracting(s -> s.text())
                .containsExactly("Maekrua");
        // After a promotion tag, the title still opens with them.
        assertThat(BrandMarkers.find("【ลดราคา】 Tra Maekrua Oyster Sauce 150cc.")).extracting(s -> s.text())
                .containsExactly("Maekrua");
        assertThat(BrandMarkers.beforeBrandWord("[HOT] Cow Brand Beauty Soap 85g.")).extracting(n -> n.name().text())
                .containsExactly("Cow");
        // After symbols, and in full-width letters, as some shops type them; the span is the title's own text.
        assertThat(BrandMarkers.beforeBrandWord("🔥🔥 Cow Brand Beauty Soap ✨")).extracting(n -> n.name().text())
                .containsExactly("Cow");
        assertThat(BrandMarkers.find("Ｔｒａ Ｍａｅｋｒｕａ Ｏｙｓｔｅｒ Ｓａｕｃｅ")).extracting(s -> s.text())
                .containsExactly("Ｍａｅｋｒｕａ");
        assertThat(BrandMarkers.beforeBrandWord("［HOT］ Cow Brand Soap")).extracting(n -> n.name().text())
                .containsExactly("Cow");
        // The # of an HTML reference is no hashtag to blank (it was: "Zabrina&" came out).
        assertThat(BrandMarkers.beforeBrandWord("Zabrina&#39;s Brand Jasmine Rice"))
                .noneMatch(n -> n.name().text().endsWith("&"));
        assertThat(BrandMarkers.find("Ultra Tra Pack")).isEmpty();
    }

    @Test
    void aNameBeforeTheWordBrandIsANewBrandKnownByBothNames() {
        NerEngine ner = new NerEngine(kb, trained.model());
        AgentAnswer a = ner.infer(InferenceRequest.of("Zabrowski Farms Brand Tomato Ketchup 300g."));
        assertThat(a.brand().name()).isEqualTo("Zabrowski Farms");
        assertThat(a.brand().aliases()).containsExactly("Zabrowski Farms", "Zabrowski Farms Brand");
        assertThat(a.detail()).isEqualTo("marker_new");
        // In brackets at the end, as food packs put it.
        assertThat(ner.infer(InferenceRequest.of("Green Curry Chicken With Rice (Chef Cares Brand)")).brand().name())
                .isEqualTo("Chef Cares");
        // A known name is the gazetteer's: Heinz, not a new "Heinz" brand.
        AgentAnswer heinz = ner.infer(InferenceRequest.of("Heinz Brand Tomato Ketchup 300g."));
        assertThat(heinz.brand().id()).isNotNull();
        assertThat(heinz.brand().name()).isEqualTo("HEINZ");
        // "No Brand" is the placeholder, and a name of words the catalog writes as ordinary words is no brand.
        assertThat(ner.infer(InferenceRequest.of("No Brand Tomato Ketchup 300g.")).detail()).isNotEqualTo("marker_new");
        assertThat(ner.infer(InferenceRequest.of("Soy Sauce Brand Tomato Ketchup 300g.")).detail())
                .isNotEqualTo("marker_new");
        // Only capitalised names opening the title or a bracket.
        assertThat(BrandMarkers.beforeBrandWord("Tomato Ketchup of the Zabrowski Brand")).isEmpty();
        assertThat(BrandMarkers.beforeBrandWord("Brand New Tomato Ketchup")).isEmpty();
    }

    private static KnowledgeBase soundAlikes() {
        List<CatalogRow> rows = new java.util.ArrayList<>();
        String[][] brands = {{"Biovitt Whey Protein 1kg", "BIOVITT"}, {"M Milk Lactose Free 180ml", "M MILK"},
            {"Carnation Evaporated Milk 405g", "CARNATION"}, {"Tea Pot Sweetened Condensed Milk 380g", "TEAPOT"},
            {"Tip Top Bread 500g", "TIPTOP"}, {"Ultra Dishwashing Liquid 500ml", "ULTRA"},
            {"Gomuc Fish Sauce 700ml", "GOMUC"}, {"Super Lock Food Container 950ml", "SUPER LOCK"}};
        for (int i = 0; i < brands.length; i++) {
            rows.add(new CatalogRow(i + 1, brands[i][0], brands[i][1], null, java.util.Map.of()));
        }
        return new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
    }

    @Test
    void theModelSurvivesASaveAndLoad(@TempDir Path dir) throws Exception {
        KnowledgeBaseStore.save(kb, dir);
        trained.model().save(new KbLayout(dir).nerDir());
        NerEngine reopened = NerEngine.open(KnowledgeBaseStore.load(dir), dir);
        assertThat(reopened.hasCrf()).isTrue();
        assertThat(reopened.infer(InferenceRequest.of("Zabrowski Tomato Ketchup 300g.")).brand().name())
                .isEqualTo("Zabrowski");
    }

    @Test
    void latinInitialsSpeltInThaiOpeningTheTitleNameItsBrand() {
        NerEngine ner = NerEngine.open(StarterKnowledgeBase.get(), null);
        AgentAnswer crab = ner.infer(InferenceRequest.of("พีเอฟพี ปูอัดโชกุนแช่แข็ง 500 กรัม"));
        assertThat(crab.brand().name()).isEqualTo("PFP");
        assertThat(crab.brand().id()).isNull();
        assertThat(crab.brand().aliases()).containsExactly("PFP", "พีเอฟพี");
        assertThat(crab.detail()).isEqualTo("initials");
        // A known brand's initials are that brand, spelt as the knowledge base had not seen.
        KnowledgeBase withKfc = new KnowledgeBaseBuilder().addAll(List.of(new CatalogRow(1,
                "KFC Original Recipe Chicken 6pcs", "KFC", "Frozen", Map.of()))).starter(true).build();
        AgentAnswer known = NerEngine.open(withKfc, null).infer(InferenceRequest.of("เคเอฟซี ไก่ทอด 6 ชิ้น"));
        assertThat(known.brand().id()).isEqualTo(withKfc.idOfLabel("KFC"));
        assertThat(known.detail()).isEqualTo("initials");
        assertThat(known.brand().aliases()).contains("เคเอฟซี");
        // Words Thai spells as letters are no brand (CCTV cameras, "okay"); a no-break space ends the initials too.
        AgentAnswer cctv = ner.infer(InferenceRequest.of("ซีซีทีวี กล้องวงจรปิด 2 ล้านพิกเซล"));
        assertThat(cctv.detail()).isNotEqualTo("initials");
        assertThat(cctv.alternatives()).noneMatch(g -> "CCTV".equals(g.name()));
        assertThat(ner.infer(InferenceRequest.of("พีเอฟพี\u00A0ปูอัด 500 กรัม")).brand().name()).isEqualTo("PFP");
        // Letters that say what the product is name no brand; nor do initials glued to other words, or mid-title.
        assertThat(ner.infer(InferenceRequest.of("ทีวี ขาแขวน ติดผนัง 32-55 นิ้ว")).status())
                .isEqualTo(AgentStatus.ABSTAINED);
        assertThat(ner.infer(InferenceRequest.of("พีเอฟพีปูอัด 500 กรัม")).status()).isEqualTo(AgentStatus.ABSTAINED);
        assertThat(ner.infer(InferenceRequest.of("ปูอัด พีเอฟพี 500 กรัม")).status()).isEqualTo(AgentStatus.ABSTAINED);
    }

    @Test
    void aWordTheCatalogWritesAsAWordIsNoMisspeltBrand() {
        List<CatalogRow> rows = new ArrayList<>(SmallCatalog.rows());
        long line = 2000;
        for (String product : List.of("Olive Oil 500ml.", "Sunflower Oil 1L.", "Rice Bran Oil 1L.")) {
            rows.add(new CatalogRow(line++, "Naturel " + product, "NATUREL", "Oils", Map.of()));
        }
        for (String product : List.of("Natural Yogurt 150g.", "Natural Mineral Water 1.5L.", "Almonds Natural 200g.")) {
            rows.add(new CatalogRow(line++, "Smarter " + product, "SMARTER", "Food", Map.of()));
        }
        for (String product : List.of("Dish Wash 500ml.", "Dish Wash Lime 500ml.", "Dish Wash Refill 1L.")) {
            rows.add(new CatalogRow(line++, "Lipon F " + product, "LIPON F", "Household", Map.of()));
        }
        for (String tea : List.of("Green", "Yellow Label", "Peach", "Lemon", "Jasmine")) { // five: short names misspelt
            rows.add(new CatalogRow(line++, "Lipton " + tea + " Tea 25 bags", "LIPTON", "Tea", Map.of()));
        }
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
        NerEngine ner = new NerEngine(kb, NerTrainer.quick().train(rows, kb).model());
        // "Natural", written outside brand names in the catalog, is the word, not NATUREL misspelt.
        AgentAnswer jam = ner.infer(InferenceRequest.of("Natural Strawberry Jam 450g."));
        assertThat(jam.brand() == null ? null : jam.brand().name()).isNotEqualTo("NATUREL");
        assertThat(jam.alternatives()).noneMatch(g -> "NATUREL".equals(g.name()));
        // Nor is a word the catalog wrote in another brand's name (LIPON F's) that brand misspelt.
        AgentAnswer lemon = ner.infer(InferenceRequest.of("Lipon Dish Wash Lemon 500ml."));
        assertThat(lemon.brand() == null ? null : lemon.brand().name()).isNotEqualTo("LIPTON");
        // A word no catalog title has, one letter from a brand's name, is that brand misspelt.
        assertThat(ner.infer(InferenceRequest.of("Naturell Canola Oil 1L.")).brand().name()).isEqualTo("NATUREL");
    }

    @Test
    void aNewNamesKindSaysWhetherItIsOneWordOrMore() {
        NerEngine ner = new NerEngine(kb, trained.model());
        // One-word new names are right far more often than longer ones at the same score: calibrated apart.
        assertThat(ner.infer(InferenceRequest.of("Zabrowski Tomato Ketchup 300g.")).detail()).isEqualTo("new.one");
        List<String> kinds = new ArrayList<>();
        for (String title : List.of("Zabrowski Tomato Ketchup 300g.", "Zabrowski Zabrina Tomato Ketchup 300g.",
                "St.Zabrowski Tomato Ketchup 300g.", "Zab Zabrina Tomato Ketchup 300g.",
                "Zabrowski-Zabrina Tomato Ketchup 300g.")) {
            for (NerEngine.Candidate c : ner.candidates(title)) {
                if (c.brand() == null && c.kind().startsWith("new") && !c.kind().equals("new_mid")) {
                    int words = c.name().split("\\s+").length; // St.Zabrowski, Zabrowski-Zabrina: one word each
                    assertThat(c.kind()).as(c.name()).endsWith(words > 1 ? ".more" : ".one");
                    kinds.add(c.kind());
                }
            }
        }
        assertThat(kinds).contains("new.one", "new.more");
    }

    @Test
    void aNewNameOfWordsTheCatalogWritesAsWordsIsAKindOfItsOwn() {
        List<CatalogRow> rows = new ArrayList<>(SmallCatalog.rows());
        rows.add(new CatalogRow(900, "Nivea Body Cream Golden 100ml.", "NIVEA", "Beauty", Map.of()));
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
        NerEngine ner = new NerEngine(kb, NerTrainer.quick().train(rows, kb).model());
        // "Golden" the catalog wrote outside brand names: a name made only of such words is a brand less often, and
        // the orchestrator calibrates it apart (new_words); "Zabrina" it never wrote.
        AgentAnswer words = ner.infer(InferenceRequest.of("Golden Jasmine Rice 5kg."));
        AgentAnswer name = ner.infer(InferenceRequest.of("Zabrina Jasmine Rice 5kg."));
        assertThat(name.brand().name()).isEqualTo("Zabrina");
        assertThat(name.detail()).isEqualTo("new.one");
        assertThat(words.brand().name()).isEqualTo("Golden");
        assertThat(words.detail()).isEqualTo("new_words.one");
        // Thai sales talk does not make the title Thai, where a Latin opener would stand apart by its script.
        AgentAnswer talk = ner.infer(InferenceRequest.of("Golden Jasmine Rice 5kg. #ของแท้ ส่งฟรี"));
        assertThat(talk.brand().name()).isEqualTo("Golden");
        assertThat(talk.detail()).isEqualTo("new_words.one");
        AgentAnswer thai = ner.infer(InferenceRequest.of("Golden Jasmine Rice ข้าวหอมมะลิ 5kg."));
        assertThat(thai.detail()).isEqualTo("new.one");
    }
}
