package io.mli.common.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HashedNgramEmbedderTest {
    private final HashedNgramEmbedder embedder = new HashedNgramEmbedder();

    private double cos(String a, String b) {
        float[] x = embedder.embed(a);
        float[] y = embedder.embed(b);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void idNamesVersionAndDimension() {
        assertThat(embedder.id()).isEqualTo("hashed-ngram-v2-384");
        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(new HashedNgramEmbedder(256).id()).isEqualTo("hashed-ngram-v2-256");
        assertThat(new HashedNgramEmbedder(256).embed("Nivea")).hasSize(256);
        assertThatThrownBy(() -> new HashedNgramEmbedder(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vectorsAreUnitLengthAndEmptyTitlesAreZero() {
        for (String t : List.of("Nivea Soft Cream 50ml", "นมสดเมจิ 200 มล.", "a", "มาม่า Mama", "12")) {
            assertThat(norm(embedder.embed(t))).as(t).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(norm(embedder.embed(""))).isZero();
        assertThat(norm(embedder.embed(null))).isZero();
        assertThat(norm(embedder.embed(" -- !! "))).isZero();
    }

    @Test
    void stableAcrossCallsInstancesAndThreads() {
        String title = "Mae Ploy Red Curry Paste 50g.";
        float[] first = embedder.embed(title);
        assertThat(new HashedNgramEmbedder().embed(title)).containsExactly(first);
        List<float[]> parallel = IntStream.range(0, 200).parallel().mapToObj(i -> embedder.embed(title)).toList();
        parallel.forEach(v -> assertThat(v).containsExactly(first));
    }

    @Test
    void pinnedFingerprintSoThatIndexesStayValid() {
        // If this fails the features changed: bump HashedNgramEmbedder.VERSION (indexes record the id), then re-pin.
        float[] v = embedder.embed("Nivea Soft Cream 50ml");
        assertThat(java.util.Arrays.hashCode(v)).isEqualTo(PINNED);
    }

    static final int PINNED = -397103966;

    @Test
    void caseWidthAndDigitScriptDoNotMatter() {
        assertThat(embedder.embed("NIVEA Soft")).containsExactly(embedder.embed("nivea soft"));
        assertThat(embedder.embed("ＮＩＶＥＡ　Ｓｏｆｔ")).containsExactly(embedder.embed("nivea soft"));
        assertThat(embedder.embed("นม ๒๐๐ มล")).containsExactly(embedder.embed("นม 200 มล"));
    }

    @Test
    void misspellingsLandNear() {
        String title = "Nivea Soft Moisturising Cream 100ml";
        double misspelt = cos(title, "Niveaa Sotf Moisturizing Creme 100 ml");
        double other = cos(title, "Mama Instant Noodles Tom Yum 60g");
        // A misspelt first word loses the first-word feature, but its n-grams still carry most of the way.
        assertThat(misspelt).isGreaterThan(0.3).isGreaterThan(other + 0.3);
        // Glued words ("MaePloy") differ in their first word too; the shared n-grams still win clearly.
        assertThat(cos("Mae Ploy Sweet Chili Sauce", "MaePloy Sweet Chilli Sauce"))
                .isGreaterThan(cos("Mae Ploy Sweet Chili Sauce", "Roza Tomato Sauce") + 0.15);
    }

    @Test
    void thaiMixedAndLatinTitlesOfOneProductLandNear() {
        String thai = "นมสดเมจิ รสจืด 200 มล.";
        String mixed = "นมสด Meiji รสจืด 200 มล.";
        String latin = "Meiji Pasteurized Milk Plain 200ml";
        String unrelatedThai = "ผงซักฟอกบรีส เอกเซล 800 กรัม";
        // Thai and mixed share the Thai words; mixed and Latin share the brand word.
        assertThat(cos(thai, mixed)).isGreaterThan(cos(thai, unrelatedThai) + 0.2);
        assertThat(cos(mixed, latin)).isGreaterThan(cos(mixed, unrelatedThai) + 0.1);
        // Missing tone marks and zero-width spaces, frequent in shop titles, change nothing.
        assertThat(embedder.embed("มาม่า รสต้มยำกุ้ง")).containsExactly(embedder.embed("มามา รสตมยำกุง"));
        assertThat(embedder.embed("มาม่า\u200Bรสต้มยำ")).containsExactly(embedder.embed("มาม่ารสต้มยำ"));
    }

    @Test
    void embedAllMatchesEmbed() {
        List<float[]> all = embedder.embedAll(List.of("a b", "นม"));
        assertThat(all.get(0)).containsExactly(embedder.embed("a b"));
        assertThat(all.get(1)).containsExactly(embedder.embed("นม"));
    }
}
