package io.mli.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.cli.CliRun;
import io.mli.common.io.CatalogRow;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.StarterKnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnbrandedTest {
    private final KnowledgeBase kb = StarterKnowledgeBase.get();

    private static CatalogRow row(String title, String brand) {
        return new CatalogRow(1, title, brand, "Beauty", Map.of("source", "shop"));
    }

    @Test
    void cutsTheBrandOutWhereverItStands() {
        assertThat(Unbranded.title(row("Nivea Soft Cream 100ml.", "NIVEA"), kb)).isEqualTo("Soft Cream 100ml.");
        assertThat(Unbranded.title(row("ครีมบำรุงผิว Eucerin Spotless 50ml", "Eucerin"), kb))
                .isEqualTo("ครีมบำรุงผิว Spotless 50ml");
        // Not written in the title, or said twice: no title that names no brand can be made from it.
        assertThat(Unbranded.title(row("Soft Cream 100ml.", "NIVEA"), kb)).isNull();
        assertThat(Unbranded.title(row("Nivea Soft Cream by Nivea", "NIVEA"), kb)).isNull();
        List<CatalogRow> cut = Unbranded.rows(List.of(row("Nivea Soft Cream 100ml.", "NIVEA"),
                row("Soft Cream 100ml.", "NIVEA")), kb);
        assertThat(cut).singleElement().satisfies(r -> {
            assertThat(r.brand()).isNull();
            assertThat(r.fields()).containsEntry("source", "shop");
        });
    }

    @Test
    void evalWithoutBrandScoresTheCutTitlesAsNamingNone(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("rows.jsonl");
        Files.writeString(data, """
                {"title": "Nivea Soft Cream 100ml.", "brand": "NIVEA"}
                {"title": "Samsung Galaxy A55 5G 8/256GB", "brand": "Samsung"}
                {"title": "Generic USB Cable", "brand": "Anker"}
                """);
        CliRun run = CliRun.of("eval", "--data", data.toString(), "--without-brand");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("2 of 3 titles with their brand cut out");
        // Soft Cream names no brand; Galaxy A55 names Samsung's line, so a brand is given for it: 1 of 2 right.
        assertThat(run.out()).containsPattern("all\\s+2\\s+50\\.0%\\s+50\\.0%");
    }
}
