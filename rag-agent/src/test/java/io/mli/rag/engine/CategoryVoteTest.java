package io.mli.rag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.domain.CategoryGuess;
import io.mli.common.vector.ProductRecord;
import io.mli.common.vector.SearchHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryVoteTest {

    private static SearchHit hit(String title, String category, double similarity) {
        return new SearchHit(new ProductRecord(title, title, "b", "B", category, "en", null), similarity, similarity);
    }

    @Test
    void neighboursFoundThroughASizeAloneDoNotVote() {
        // A Thai title in a catalog written in English: its neighbours share "500 g" with it, nothing else.
        List<SearchHit> hits = List.of(hit("Dried Shiitake Mushroom 500 g.", "Pantry /// Dried", 0.5),
                hit("Brown Sugar 500 g.", "Pantry /// Sugar", 0.4));
        assertThat(CategoryVote.of("ต้นอ่อนทานตะวัน 500 ก.", hits)).isNull();
    }

    @Test
    void neighboursSharingAWordVoteByTheirSimilarity() {
        List<SearchHit> hits = List.of(hit("Sunflower Sprouts 100 g.", "Vegetables /// Sprouts", 0.6),
                hit("Brown Sugar 500 g.", "Pantry /// Sugar", 0.59),
                hit("Pea Sprouts 200 g.", "Vegetables /// Sprouts", 0.4));
        CategoryGuess c = CategoryVote.of("Organic Sunflower Sprouts 500 g.", hits);
        assertThat(c.path()).isEqualTo("Vegetables /// Sprouts");
        assertThat(c.confidence()).isEqualTo(1.0);
    }

    @Test
    void wordsAreLettersRunsOfThreeOrMoreWithoutUnits() {
        assertThat(CategoryVote.words("Nivea Soft 100ml x 2 Pack, ครีม บำรุงผิว 50 กรัม"))
                .containsExactlyInAnyOrder("nivea", "soft", "ครีม", "บำรุงผิว");
        assertThat(CategoryVote.words(null)).isEmpty();
        // Function words are shared by chance.
        assertThat(CategoryVote.words("Toast with Butter and Jam for Kids")).containsExactlyInAnyOrder("toast",
                "butter", "jam", "kids");
    }
}
