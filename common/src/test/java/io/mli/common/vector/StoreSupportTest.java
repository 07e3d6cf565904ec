package io.mli.common.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mli.common.vector.milvus.MilvusExpressions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small pieces both stores share: category paths, rank fusion, vector checks, Milvus expressions. */
class StoreSupportTest {
    @Test
    void categoryPathsAreNormalisedAndExpandedToAncestors() {
        assertThat(Categories.normalize(" A///B  c /// ")).isEqualTo("A /// B c");
        assertThat(Categories.normalize("  ")).isNull();
        assertThat(Categories.prefixes("A /// B /// C")).containsExactly("A", "A /// B", "A /// B /// C");
        assertThat(Categories.prefixes(null)).isEmpty();
    }

    @Test
    void reciprocalRankFusionAddsOneOverKPlusRank() {
        List<Map.Entry<String, Double>> fused = RankFusion.fuse(List.of(List.of("a", "b", "c"), List.of("b", "d")),
                60, 3);
        assertThat(fused).extracting(Map.Entry::getKey).containsExactly("b", "a", "d");
        assertThat(fused.get(0).getValue()).isEqualTo(1.0 / 62 + 1.0 / 61);
        assertThat(fused.get(1).getValue()).isEqualTo(1.0 / 61);
        // Equal scores keep the order of first appearance.
        assertThat(RankFusion.fuse(List.of(List.of("x"), List.of("y")), 60, 2)).extracting(Map.Entry::getKey)
                .containsExactly("x", "y");
        assertThat(RankFusion.legDepth(5)).isEqualTo(20);
        assertThat(RankFusion.legDepth(30)).isEqualTo(60);
    }

    @Test
    void vectorsAreCheckedAndNormalised() {
        assertThat(Vectors.checkedUnit(new float[] {3, 4}, 2, "e")).containsExactly(0.6f, 0.8f);
        assertThat(Vectors.checkedUnit(new float[] {0, 0}, 2, "e")).containsExactly(0f, 0f);
        assertThatThrownBy(() -> Vectors.checkedUnit(new float[] {1}, 2, "e"))
                .hasMessageContaining("dimension 1").hasMessageContaining("2-dimensional").hasMessageContaining("'e'");
        assertThatThrownBy(() -> Vectors.checkedUnit(new float[] {Float.NaN, 1}, 2, "e"))
                .hasMessageContaining("non-finite");
    }

    @Test
    void milvusExpressionsQuoteAndCombineFilters() {
        SearchRequest r = new SearchRequest("t", null, 3, SearchRequest.Mode.HYBRID, "A///B", "th",
                Set.of("z", "a\"b"), Set.of("p\\1"));
        assertThat(MilvusExpressions.filter(r)).isEqualTo("array_contains(category_path, \"A /// B\")"
                + " and language == \"th\" and brand_id in [\"a\\\"b\", \"z\"] and id not in [\"p\\\\1\"]");
        assertThat(MilvusExpressions.filter(SearchRequest.hybrid("t", null, 3))).isEmpty();
    }
}
