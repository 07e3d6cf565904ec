package io.mli.common.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.domain.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitmentTest {

    @Test
    void aBrandAfterForIsWhatTheProductFits() {
        for (String t : List.of("Remote Control for LG", "Casing untuk Samsung", "Case Compatible with Sony",
                "เคสสำหรับ iPhone", "Ốp lưng cho Samsung", "Fits: Bosch")) {
            int start = t.contains("iPhone") ? t.indexOf("iPhone") : t.lastIndexOf(' ') + 1;
            assertThat(Fitment.afterForWord(t, start)).as(t).isTrue();
        }
        for (String t : List.of("Comfort LG", "Nivea for Men", "Kikkoman Soy")) {
            assertThat(Fitment.afterForWord(t, t.indexOf(' ') + 1)).as(t).isFalse();
            assertThat(Fitment.afterForWord(t, 0)).as(t).isFalse();
        }
    }

    @Test
    void aPhoneAfterAnAccessoryWordIsWhatTheAccessoryFits() {
        assertThat(Fitment.afterAccessoryWord("เคสไอโฟน", 3)).isTrue();
        assertThat(Fitment.afterAccessoryWord("Ốp lưng iPhone", 8)).isTrue();
        assertThat(Fitment.afterAccessoryWord("Tempered Glass Galaxy", 15)).isTrue();
        assertThat(Fitment.afterAccessoryWord("Silicone Case iPhone", 14)).isTrue();
        assertThat(Fitment.afterAccessoryWord("iPhone", 0)).isFalse();
        assertThat(Fitment.afterAccessoryWord("Showcase iPhone", 9)).as("a word ending in case").isFalse();
    }

    @Test
    void aBrandInsideAnotherBrandsModelNameIsNoMaker() {
        KnowledgeBase kb = new KnowledgeBaseBuilder().addAll(List.of(
                new io.mli.common.io.CatalogRow(1, "Promax Water Pump 1HP", "PROMAX", null, java.util.Map.of()),
                new io.mli.common.io.CatalogRow(2, "Promax Water Pump 2HP", "PROMAX", null, java.util.Map.of())))
                .starter(true).build();
        String title = "iPhone 14 Pro Max 256GB";
        List<GazetteerMatch> matches = kb.gazetteer().find(title);
        GazetteerMatch promax = matches.stream().filter(m -> m.alias().brandId().equals("promax")).findFirst()
                .orElseThrow();
        GazetteerMatch iphone = matches.stream().filter(m -> m.alias().brandId().equals("apple")).findFirst()
                .orElseThrow();
        assertThat(Fitment.fits(title, promax, matches)).isTrue();
        // A brand further into the model name ("Max" after "14 Pro") is part of it too.
        Span max = new Span(title.indexOf("Max"), title.indexOf("Max") + 3, "Max");
        assertThat(Fitment.fits(title, max, "max", false, matches)).isTrue();
        assertThat(Fitment.fits("iPhone 14 case by Max Shop", new Span(15, 18, "Max"), "max", false,
                kb.gazetteer().find("iPhone 14 case by Max Shop"))).as("words other than a model's").isFalse();
        assertThat(Fitment.fits(title, iphone, matches)).isFalse();
        String pump = "Water Pump Pro Max 1HP";
        List<GazetteerMatch> pumpMatches = kb.gazetteer().find(pump);
        assertThat(pumpMatches).filteredOn(m -> m.alias().brandId().equals("promax"))
                .noneMatch(m -> Fitment.fits(pump, m, pumpMatches)).isNotEmpty();
    }

    @Test
    void aProductLineAfterItsFittedBrandNameIsWhatTheProductFitsToo() {
        KnowledgeBase kb = StarterKnowledgeBase.get();
        String fitted = "Tempered Glass for Samsung Galaxy S24 Ultra";
        String made = "Samsung Galaxy S24 Ultra 256GB";
        for (String title : List.of(fitted, made)) {
            List<GazetteerMatch> matches = kb.gazetteer().find(title);
            GazetteerMatch galaxy = matches.stream().filter(m -> m.alias().kind() == AliasKind.PRODUCT_LINE)
                    .findFirst().orElseThrow();
            assertThat(Fitment.fits(title, galaxy, matches)).as(title).isEqualTo(title.equals(fitted));
        }
    }

    @Test
    void aPhoneMakerBetweenAProtectiveAccessoryAndAModelIsWhatTheAccessoryFits() {
        KnowledgeBase kb = StarterKnowledgeBase.get();
        // The phone's maker, after a case or a glass and before its model or a series of its own; HP, Indonesian for
        // handphone, before another brand.
        for (String title : List.of("Tempered Glass Samsung A54 Full Layar", "Casing HP Oppo A57 Softcase Motif",
                "เคส Samsung Galaxy A54 กันกระแทก", "Softcase Xiaomi Redmi 13C Bening", "Ốp lưng Samsung S23 Ultra",
                "Case Xiaomi Redmi Note 13 Pro", "Case Realme 11 Pro Shockproof")) {
            List<GazetteerMatch> matches = kb.gazetteer().find(title);
            assertThat(matches).as(title).isNotEmpty().allMatch(m -> Fitment.fits(title, m, matches));
        }
        // Not another maker's name there (Baseus made the glass, Fujifilm the film, Gigabyte the PC case), the
        // phone maker's own case, a count, a charger (often the maker's own), nor a name elsewhere in the title.
        for (String title : List.of("Tempered Glass Baseus Galaxy S23 Ultra", "Film Fujifilm C200 36exp",
                "Casing Gigabyte C200 Glass", "Case Samsung S23 Original", "Tempered Glass Samsung x2 Pack",
                "Charger Original Samsung 25W Fast Charging", "Samsung A54 5G 8/256GB", "Laptop HP Pavilion 14")) {
            List<GazetteerMatch> matches = kb.gazetteer().find(title);
            assertThat(matches).as(title).filteredOn(m -> m.alias().kind() == AliasKind.NAME).isNotEmpty()
                    .noneMatch(m -> Fitment.fits(title, m, matches));
        }
    }
}
