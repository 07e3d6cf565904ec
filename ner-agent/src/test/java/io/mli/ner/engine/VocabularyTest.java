package io.mli.ner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
    // word -> {times outside a brand name, times inside one}
    private final Vocabulary vocabulary = new Vocabulary(Map.of("nivea", new int[] {0, 12}, "tongtin",
            new int[] {22, 0}, "cream", new int[] {40, 1}, "del", new int[] {3, 0}));

    @Test
    void knowsTheScriptsTheCatalogWroteBrandNamesIn() {
        assertThat(vocabulary.taughtScriptOf("Zabrowski")).isTrue();
        assertThat(vocabulary.taughtScriptOf("ユニ")).isFalse();
        assertThat(vocabulary.taughtScriptOf("Zab ユニ")).isFalse();
    }

    @Test
    void withoutAVocabularyEveryScriptPasses() {
        assertThat(Vocabulary.empty().taughtScriptOf("ユニ")).isTrue();
        assertThat(Vocabulary.empty().taughtScriptOf("Zabrowski")).isTrue();
    }

    @Test
    void aWordNeverABrandWordIsOneWrittenOftenAndNeverInABrandName() {
        assertThat(vocabulary.isNeverABrandWord("tongtin")).isTrue();
        assertThat(vocabulary.isNeverABrandWord("cream")).as("once in a brand name").isFalse();
        assertThat(vocabulary.isNeverABrandWord("del")).as("too seldom to tell").isFalse();
        assertThat(vocabulary.isNeverABrandWord("unseen")).isFalse();
    }

    @Test
    void aWordOneBrandsTitlesHaveRightAfterItsNameIsThatBrandsLineNotAProductWord() {
        // Counted as training counts them: Acer's titles have Swift right after the brand's name, SanDisk's have
        // Phone further on (… for Phone), and many brands' titles have Coffee.
        Map<String, int[]> global = new java.util.HashMap<>();
        Map<String, Map<String, int[]>> perBrand = new java.util.HashMap<>();
        for (int i = 0; i < 6; i++) {
            count(global, perBrand, "acer", List.of("acer", "-", "swift", "3"), List.of("BRAND", "O", "O", "O"));
            count(global, perBrand, "sandisk", List.of("sandisk", "ultra", "for", "phone"),
                    List.of("BRAND", "O", "O", "O"));
            count(global, perBrand, "brand" + i, List.of("brand" + i, "coffee"), List.of("BRAND", "O"));
        }
        Vocabulary spread = new Vocabulary(Vocabulary.withBrandSpread(global, perBrand));
        assertThat(spread.isProductWord("coffee")).as("right after many brands' names").isTrue();
        assertThat(spread.isProductWord("swift")).as("right after Acer's only").isFalse();
        assertThat(spread.isProductWord("phone")).as("one brand's titles, but not after its name").isTrue();
        assertThat(spread.outsideCount("swift")).isEqualTo(6);
        // Without these counts (a vocabulary saved before they were kept) the counts alone decide, as they did.
        assertThat(new Vocabulary(Map.of("swift", new int[] {6, 0})).isProductWord("swift")).isTrue();
    }

    @Test
    void savesWhereWordsStoodAndReadsVocabulariesSavedWithoutIt(@TempDir Path dir) throws Exception {
        // {outside, inside, right after a brand's name, brands}
        new Vocabulary(Map.of("swift", new int[] {6, 0, 6, 1}, "coffee", new int[] {6, 0, 6, 6})).save(dir);
        Vocabulary read = Vocabulary.load(dir);
        assertThat(read.isProductWord("swift")).isFalse();
        assertThat(read.isProductWord("coffee")).isTrue();

        Files.writeString(dir.resolve(Vocabulary.FILE), "swift\t6\t0\n");
        assertThat(Vocabulary.load(dir).isProductWord("swift")).as("an older knowledge base").isTrue();
        Files.writeString(dir.resolve(Vocabulary.FILE), "swift\t6\t0\t1\n"); // brands counted, not where
        assertThat(Vocabulary.load(dir).isProductWord("swift")).as("four columns").isTrue();
        assertThat(Vocabulary.load(dir).outsideCount("swift")).isEqualTo(6);
    }

    private static void count(Map<String, int[]> global, Map<String, Map<String, int[]>> perBrand, String brand,
                              List<String> words, List<String> labels) {
        Vocabulary.count(words, labels, global);
        Vocabulary.count(words, labels, perBrand.computeIfAbsent(brand, b -> new java.util.HashMap<>()));
    }
}
