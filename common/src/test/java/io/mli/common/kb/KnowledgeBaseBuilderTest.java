package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mli.common.io.CatalogRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeBaseBuilderTest {

    static List<CatalogRow> catalog() {
        List<CatalogRow> rows = new ArrayList<>();
        String[][] data = {
            {"Corniche Mega Marshmallows 300g.", "CORNICHE", "Snacks /// Candy"},
            {"Corniche Mini Marshmallows 150g.", "CORNICHE", "Snacks /// Candy"},
            {"Cornich Strawberry Marshmallows 300g.", "CORNICHE", "Snacks /// Candy"},
            {"Nivea Soft Cream 50ml.", "NIVEA", "Beauty /// Body Care"},
            {"Nivea Men Deep Rollon 50ml.", "NIVEA", "Beauty /// Deodorants"},
            {"Lotus Fresh Milk 1L", "LOTUS", "Dairy /// Milk"},
            {"Biscoff Lotus Caramel Biscuits 250g.", "BISCOFF", "Snacks /// Biscuits"},
            {"Biscoff Lotus Spread 400g.", "BISCOFF", "Snacks /// Spreads"},
            {"Samsung Galaxy A15 128GB", "Samsung", "Electronics"},
            {"Generic USB Cable 1m", "Generic", "Electronics"},
        };
        long line = 1;
        for (String[] d : data) {
            rows.add(new CatalogRow(line++, d[0], d[1], d[2], Map.of("title", d[0], "brand", d[1])));
        }
        return rows;
    }

    @Test
    void oneBrandPerKeyWithTheCatalogsOwnName() {
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(catalog()).starter(false).build();
        assertThat(kb.byName("Corniche")).get().extracting(Brand::name).isEqualTo("CORNICHE");
        assertThat(kb.byId("nivea")).get().satisfies(b -> {
            assertThat(b.aliases()).contains("Nivea");
            assertThat(b.products()).isEqualTo(2);
            assertThat(b.categories()).contains("Beauty /// Body Care");
        });
    }

    @Test
    void minesMisspellingsFromTitles() {
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(catalog()).starter(false).build();
        assertThat(kb.byName("Cornich")).get().extracting(Brand::id).isEqualTo("corniche");
        assertThat(kb.gazetteer().find("Cornich Choco 100g")).extracting(m -> m.alias().brandId())
                .containsExactly("corniche");
    }

    @Test
    void measuresHowReliableEachFormIs() {
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(catalog()).starter(false).build();
        AliasEntry lotus = kb.aliases("lotus").getFirst();
        // "Lotus" names LOTUS in one title of three that contain it.
        assertThat(lotus.seen()).isEqualTo(3);
        assertThat(lotus.precision()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lotus.startSeen()).isEqualTo(1);
        assertThat(lotus.startPrecision()).isEqualTo(1.0);
    }

    @Test
    void placeholderBrandsAreNotBrands() {
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(catalog()).starter(false).build();
        assertThat(kb.byName("Generic")).isEmpty();
    }

    @Test
    void mergesTheStarterWithTheCatalogWinning() {
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(catalog()).starter(true).build();
        Brand samsung = kb.byId("samsung").orElseThrow();
        assertThat(samsung.name()).isEqualTo("Samsung");
        assertThat(samsung.source()).isEqualTo("catalog+starter");
        assertThat(samsung.productLines()).contains("Galaxy");
        assertThat(kb.byName("ซัมซุง")).get().extracting(Brand::id).isEqualTo("samsung");
        assertThat(kb.byName("Eucerin")).isPresent();
    }

    @Test
    void aBrandKnowsHowManyOfItsProductsSitInEachCategory() {
        List<CatalogRow> rows = List.of(
                new CatalogRow(1, "Heinz Ketchup 300g", "HEINZ", "Pantry /// Sauces", Map.of()),
                new CatalogRow(2, "Heinz Mayonnaise 220g", "HEINZ", "Pantry /// Sauces", Map.of()),
                new CatalogRow(3, "Heinz Baked Beans 415g", "HEINZ", "Pantry /// Canned", Map.of()));
        Brand heinz = new KnowledgeBaseBuilder().addAll(rows).starter(false).build().byId("heinz").orElseThrow();
        assertThat(heinz.categories()).containsExactly("Pantry /// Sauces", "Pantry /// Canned");
        assertThat(heinz.categoryCounts()).containsExactly(2, 1);
        assertThat(heinz.likelyCategory().path()).isEqualTo("Pantry /// Sauces");
        assertThat(heinz.likelyCategory().confidence()).isEqualTo(2.0 / 3);
        // A brand only the starter knows has categories but no counts: it says nothing about a title's category.
        assertThat(StarterKnowledgeBase.get().byId("samsung").orElseThrow().likelyCategory()).isNull();
    }

    @Test
    void aStarterBrandTheCatalogLabelsOtherwiseIsOneBrandNotTwo() {
        List<CatalogRow> rows = List.of(
                new CatalogRow(1, "Nestle Pure Life Drinking Water 600ml", "NESTLE", null, Map.of()),
                new CatalogRow(2, "WD My Passport 1TB", "WD", null, Map.of()),
                new CatalogRow(3, "WD Elements 2TB", "WD", null, Map.of()),
                new CatalogRow(4, "Western Digital Blue 1TB", "Western Digital", null, Map.of()));
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows).starter(true).build();
        // The starter's Nestlé is the catalog's NESTLE without its accent: one brand, the catalog's name, both
        // spellings and the Thai one among its names.
        assertThat(kb.byId("nestlé")).isEmpty();
        Brand nestle = kb.byId("nestle").orElseThrow();
        assertThat(nestle.name()).isEqualTo("NESTLE");
        assertThat(nestle.aliases()).contains("Nestlé", "เนสท์เล่");
        assertThat(kb.byName("เนสท์เล่")).map(Brand::id).contains("nestle");
        // The starter says WD is Western Digital; the catalog has both labels: they are one brand, under the label
        // most products carry, and a title naming the other label gets that brand.
        Brand wd = kb.byId("wd").orElseThrow();
        assertThat(wd.aliases()).contains("Western Digital");
        assertThat(wd.products()).isEqualTo(3);
        assertThat(kb.byId("westerndigital")).isEmpty();
        // Training and retrieval find a row's brand from its label: the folded label names the brand it went into.
        assertThat(kb.idOfLabel("Western Digital")).isEqualTo("wd");
        assertThat(kb.idOfLabel("WD")).isEqualTo("wd");
        assertThat(kb.idOfLabel("Some New Label")).isEqualTo("somenewlabel");
        // Titles labelled with the folded label count as hits of the brand's names, not misses.
        assertThat(kb.aliases("wd")).filteredOn(a -> a.key().equals("westerndigital"))
                .allSatisfy(a -> assertThat(a.precision()).isEqualTo(1.0)).isNotEmpty();
        assertThat(kb.gazetteer().find("Western Digital Elements 2TB"))
                .allSatisfy(m -> assertThat(m.alias().brandId()).isEqualTo("wd")).isNotEmpty();
    }

    @Test
    void aProductLineThatOpensOtherBrandsTitlesMoreThanItsOwnOrIsSalesTalkIsNoLine() {
        List<CatalogRow> rows = new java.util.ArrayList<>(List.of(
                new CatalogRow(1, "Temptations Cat Treats Tuna 85g", "WHISKAS", null, Map.of()),
                new CatalogRow(2, "Temptations Cat Treats Chicken 85g", "WHISKAS", null, Map.of()),
                new CatalogRow(3, "Whiskas Adult Tuna 1.2kg", "WHISKAS", null, Map.of()),
                new CatalogRow(4, "Stainless Kettle 1.5L", "ACME", null, Map.of()),
                new CatalogRow(5, "Stainless Kettle 1.7L", "ACME", null, Map.of()),
                new CatalogRow(6, "Terbaik Tablet 10 Inch 4GB", "CARCOOL", null, Map.of()),
                new CatalogRow(7, "Terbaik Tablet 8 Inch 2GB", "CARCOOL", null, Map.of())));
        String[] others = {"Philips", "Sharp", "Miyako", "Cosmos"};
        for (int i = 0; i < others.length; i++) {
            rows.add(new CatalogRow(10 + i, "Stainless " + others[i] + " Rice Cooker 1.8L", others[i].toUpperCase(),
                    null, Map.of()));
        }
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
        assertThat(kb.byId("whiskas").orElseThrow().productLines()).containsExactly("Temptations");
        // "Stainless" opened two of ACME's titles that do not name it, and four of other brands': no ACME line.
        assertThat(kb.byId("acme").orElseThrow().productLines()).isEmpty();
        assertThat(kb.gazetteer().find("Stainless Kettle 2L")).noneMatch(m -> m.alias().brandId().equals("acme"));
        assertThat(kb.metadata()).containsEntry("unreliableLinesDropped", 1);
        // Sales talk ("Terbaik", best) opening a seller's titles is no line at all.
        assertThat(kb.byId("carcool").orElseThrow().productLines()).isEmpty();
    }

    @Test
    void aLineThatIsInManyTitlesNearlyAllOtherBrandsIsACommonWordNoLine() {
        List<CatalogRow> rows = new java.util.ArrayList<>(List.of(
                new CatalogRow(1, "Organic Carrot 500g", "SUPER FRESH", null, Map.of()),
                new CatalogRow(2, "Organic Cucumber 1kg", "SUPER FRESH", null, Map.of()),
                new CatalogRow(3, "Temptations Cat Treats Tuna 85g", "WHISKAS", null, Map.of()),
                new CatalogRow(4, "Temptations Cat Treats Chicken 85g", "WHISKAS", null, Map.of())));
        // "Organic" further in the titles of 30 other brands: it opens no other brand's title, yet it is no line.
        for (int i = 0; i < 30; i++) {
            String maker = "Maker" + (char) ('A' + i / 10) + (char) ('a' + i % 10);
            rows.add(new CatalogRow(10 + i, maker + " Organic Rice 1kg", maker.toUpperCase(), null, Map.of()));
        }
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
        assertThat(kb.byId("superfresh").orElseThrow().productLines()).isEmpty();
        assertThat(kb.gazetteer().find("Organic Jasmine Rice 5kg")).noneMatch(m -> m.alias().brandId()
                .equals("superfresh"));
        assertThat(kb.byId("whiskas").orElseThrow().productLines()).containsExactly("Temptations");
    }

    @Test
    void theStartersProductLinesStayThoughAccessoryTitlesOpenWithThem() {
        List<CatalogRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(new CatalogRow(i + 1, "iPhone 15 Case Clear Model " + i, "SPIGEN", null, Map.of()));
        }
        rows.add(new CatalogRow(9, "Apple iPhone 15 Pro 256GB", "APPLE", null, Map.of()));
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows).starter(true).build();
        assertThat(kb.byId("apple").orElseThrow().productLines()).contains("iPhone");
        assertThat(kb.gazetteer().find("iPhone 15 Pro Max")).anySatisfy(m -> assertThat(m.alias().brandId())
                .isEqualTo("apple"));
    }

    @Test
    void aNameWithAnAmpersandIsFoundWrittenWithAnd() {
        List<CatalogRow> rows = List.of(new CatalogRow(1, "Head&Shoulder Shampoo 370ml", "HEAD&SHOULDER", null,
                Map.of()));
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows).starter(false).build();
        assertThat(kb.gazetteer().find("Head and Shoulder Anti Dandruff 370ml"))
                .anySatisfy(m -> assertThat(m.alias().brandId()).isEqualTo("headshoulder"));
    }

    @Test
    void aStarterBrandIsFoundByTheCatalogBrandsOtherNamesToo() {
        // The catalog labels JOHNSON and writes "Johnsons" in its titles; the starter's Johnson's is that brand.
        List<CatalogRow> rows = List.of(
                new CatalogRow(1, "Johnsons Baby Oil 300ml", "JOHNSON", null, Map.of()),
                new CatalogRow(2, "Johnsons Baby Powder 380g", "JOHNSON", null, Map.of()));
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows).starter(true).build();
        assertThat(kb.byId("johnson").orElseThrow().aliases()).contains("Johnsons", "Johnson's");
        assertThat(kb.brands()).noneMatch(b -> b.name().equals("Johnson's"));
    }

    @Test
    void aStarterBrandWhoseTitlesTheCatalogLabelsWithAnotherBrandIsThatBrand() {
        // The starter knows Ferrero Rocher as a brand; the catalog labels the titles it opens FERRERO, its maker.
        List<CatalogRow> rows = List.of(
                new CatalogRow(1, "Ferrero Rocher T16 Chocolate 200g.", "FERRERO", null, Map.of()),
                new CatalogRow(2, "Ferrero Rocher T3 Chocolate 37.5g.", "FERRERO", null, Map.of()),
                new CatalogRow(3, "Ferrero Rocher Chocolate 375g.", "FERRERO", null, Map.of()),
                new CatalogRow(4, "Ferrero Confetteria Choco 30G", "FERRERO", null, Map.of()));
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(rows).starter(true).build();
        assertThat(kb.byId("ferrero").orElseThrow().aliases()).contains("Ferrero Rocher");
        assertThat(kb.brands()).noneMatch(b -> b.name().equals("Ferrero Rocher"));

        // Two titles are too few to overrule the starter, and titles labelled by several brands say nothing.
        KnowledgeBase few = new KnowledgeBaseBuilder().addAll(rows.subList(0, 2)).starter(true).build();
        assertThat(few.brands()).anyMatch(b -> b.name().equals("Ferrero Rocher"));
        List<CatalogRow> split = List.of(
                new CatalogRow(1, "Ferrero Rocher T16 Chocolate 200g.", "FERRERO", null, Map.of()),
                new CatalogRow(2, "Ferrero Rocher T3 Chocolate 37.5g.", "FERRERO", null, Map.of()),
                new CatalogRow(3, "Ferrero Rocher Gift Box", "SWEET HOUSE", null, Map.of()));
        KnowledgeBase disagreeing = new KnowledgeBaseBuilder().addAll(split).starter(true).build();
        assertThat(disagreeing.brands()).anyMatch(b -> b.name().equals("Ferrero Rocher"));
    }

    @Test
    void savesAndLoadsWithItsVersion(@TempDir Path dir) throws IOException {
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(catalog()).starter(false).build();
        KnowledgeBaseStore.save(kb, dir);
        KnowledgeBase back = KnowledgeBaseStore.load(dir);
        assertThat(back.version()).isEqualTo(kb.version()).startsWith("kb-");
        assertThat(back.size()).isEqualTo(kb.size());
        assertThat(back.allAliases()).containsExactlyInAnyOrderElementsOf(kb.allAliases());
    }

    @Test
    void sameCatalogSameVersion() {
        String a = new KnowledgeBaseBuilder().addAll(catalog()).starter(false).build().version();
        String b = new KnowledgeBaseBuilder().addAll(catalog()).starter(false).build().version();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void loadingAMissingKnowledgeBaseSaysHowToBuildOne(@TempDir Path dir) {
        assertThatThrownBy(() -> KnowledgeBaseStore.load(dir.resolve("nope")))
                .isInstanceOf(IOException.class).hasMessageContaining("mli kb build");
    }
}
