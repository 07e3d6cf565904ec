package io.mli.embed.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.mli.common.embed.EmbeddingException;
import io.mli.common.vector.SearchRequest;
import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.lucene.LuceneVectorStore;
import io.mli.common.vector.StoreMismatchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a tiny hand-written ONNX model (see {@link TinyOnnxModel}) through ONNX Runtime and DJL's tokenizer. */
class OnnxEmbedderTest {
    @TempDir
    static Path dir;
    static OnnxEmbedder embedder;

    @BeforeAll
    static void load() throws Exception {
        TinyOnnxModel.write(dir.resolve("model.onnx"), dir.resolve("tokenizer.json"));
        embedder = OnnxEmbedder.openDirectory(dir);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static float[] unit(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] /= (float) Math.sqrt(s);
        }
        return out;
    }

    @Test
    void dimensionComesFromTheModelAndTheIdPinsItsContent() {
        assertThat(embedder.dimension()).isEqualTo(4);
        assertThat(embedder.id()).matches("onnx/model\\.onnx/[0-9a-f]{12}/4");
    }

    @Test
    void meanPoolsTheTokenStatesAndNormalises() {
        // "Nivea Cream" -> tokens nivea, cream -> mean of rows 1 and 2, then unit length.
        float[] expected = unit(new float[] {(1 + 0.9f) / 2, (0.2f + 0.3f) / 2, 0, 0});
        assertThat(embedder.embed("Nivea Cream")).containsExactly(expected, offset(1e-6f));
        // Unknown words map to [UNK] (row 0).
        assertThat(embedder.embed("zzz")).containsExactly(new float[] {0, 0, 0, 1}, offset(1e-6f));
        assertThat(embedder.embed("นม")).containsExactly(new float[] {0, 1, 0, 0}, offset(1e-6f));
    }

    @Test
    void similarTitlesLandNear() {
        float[] a = embedder.embed("nivea soft cream");
        float[] b = embedder.embed("Nivea cream");
        float[] c = embedder.embed("mama noodles");
        assertThat(dot(a, b)).isGreaterThan(0.95);
        assertThat(dot(a, c)).isLessThan(0.3);
    }

    @Test
    void worksBehindTheVectorStoreAndTheStoreRefusesAnotherEmbedder(@TempDir Path index) {
        try (LuceneVectorStore store = LuceneVectorStore.open(index, embedder)) {
            store.upsert(List.of(new ProductRecord("1", "Nivea soft cream", "nivea", "Nivea", null, "en", null),
                    new ProductRecord("2", "Mama noodles", "mama", "Mama", null, "en", null)));
            assertThat(store.search(new SearchRequest("cream", null, 1, SearchRequest.Mode.VECTOR, null, null))
                    .getFirst().product().id()).isEqualTo("1");
        }
        assertThatThrownBy(() -> LuceneVectorStore.open(index, new io.mli.common.embed.HashedNgramEmbedder()))
                .isInstanceOf(StoreMismatchException.class).hasMessageContaining(embedder.id());
    }

    @Test
    void missingOrBrokenFilesAreClearErrors(@TempDir Path other) throws Exception {
        assertThatThrownBy(() -> OnnxEmbedder.openDirectory(other)).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("no such file").hasMessageContaining("model.onnx");
        Files.writeString(other.resolve("model.onnx"), "not a model");
        Files.copy(dir.resolve("tokenizer.json"), other.resolve("tokenizer.json"));
        assertThatThrownBy(() -> OnnxEmbedder.openDirectory(other)).isInstanceOf(EmbeddingException.class)
                .hasMessageContaining("cannot load ONNX model");
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
