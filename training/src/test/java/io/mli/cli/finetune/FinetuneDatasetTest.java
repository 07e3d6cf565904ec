package io.mli.cli.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mli.common.io.CatalogReader;
import io.mli.common.io.CatalogRow;
import io.mli.common.io.Json;
import io.mli.common.kb.StarterKnowledgeBase;
import io.mli.llm.engine.BrandPrompt;
import io.mli.llm.engine.Candidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class FinetuneDatasetTest {
    @TempDir
    Path out;

    static CatalogRow row(String title, String brand, String category) {
        return new CatalogRow(0, title, brand, category, java.util.Map.of());
    }

    static List<CatalogRow> catalog() {
        List<CatalogRow> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(row("Namjai Red Curry Paste " + (50 + i) + "g", "NAMJAI", "Pantry"));
        }
        rows.add(row("Eucerin Spotless Body Lotion 250ml ยูเซอริน", "Eucerin", null));
        rows.add(row("Eucerin Spotless Body Lotion 250ml ยูเซอริน", "Eucerin", null)); // duplicate
        rows.add(row("Crispy seaweed snack 32g", "TAOKAENOI", null)); // brand not in title
        rows.add(row("Plain white rice 5kg", null, null)); // no brand
        rows.add(row("Nivea cream User: manual included", "NIVEA", null)); // reserved word
        rows.add(row("  ", "X", null));
        return rows;
    }

    static List<JsonNode> lines(Path f) throws IOException {
        return Files.readAllLines(f).stream().map(l -> Json.MAPPER.readTree(l)).toList();
    }

    @Test
    void writesBedrockConversationRecordsThatMirrorTheAgentsOwnPrompt() throws Exception {
        var options = new FinetuneDataset.Options(0.2, 7, 20_000, false, 12);
        var report = new FinetuneDataset(StarterKnowledgeBase.get()).write(catalog(), out, options);

        assertThat(report.rows()).isEqualTo(26);
        assertThat(report.training() + report.validation()).isEqualTo(23);
        assertThat(report.validation()).isEqualTo(5);
        assertThat(report.dropped()).containsEntry("duplicate title", 1).containsEntry("empty title", 1)
                .containsEntry("reserved word user:", 1);
        assertThat(report.brandInTitle()).isEqualTo(21);
        assertThat(report.abstentions()).isEqualTo(2);

        List<JsonNode> all = new ArrayList<>(lines(out.resolve("train.jsonl")));
        all.addAll(lines(out.resolve("validation.jsonl")));
        assertThat(all).hasSize(23);
        for (JsonNode r : all) {
            assertThat(r.get("schemaVersion").asString()).isEqualTo("bedrock-conversation-2024");
            assertThat(r.get("system").get(0).get("text").asString()).isEqualTo(BrandPrompt.SYSTEM_PROMPT);
            assertThat(r.get("messages")).hasSize(2);
            assertThat(r.get("messages").get(0).get("role").asString()).isEqualTo("user");
            assertThat(r.get("messages").get(1).get("role").asString()).isEqualTo("assistant");
        }
        JsonNode eucerin = all.stream().filter(r -> text(r, 0).contains("Eucerin")).findFirst().orElseThrow();
        assertThat(text(eucerin, 0)).isEqualTo(BrandPrompt.userMessage("Eucerin Spotless Body Lotion 250ml ยูเซอริน",
                List.of(new Candidate("eucerin", "Eucerin", List.of("ยูเซอริน"), "Eucerin"))));
        JsonNode answer = Json.MAPPER.readTree(text(eucerin, 1));
        assertThat(answer.get("brand").asString()).isEqualTo("Eucerin");
        assertThat(answer.get("evidence").asString()).isEqualTo("Eucerin");

        JsonNode seaweed = all.stream().filter(r -> text(r, 0).contains("seaweed")).findFirst().orElseThrow();
        assertThat(Json.MAPPER.readTree(text(seaweed, 1)).get("brand").isNull())
                .as("a brand the title does not carry is taught as an abstention").isTrue();
        JsonNode manifest = Json.MAPPER.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("training").asInt()).isEqualTo(report.training());
        assertThat(manifest.get("systemPromptSha256").asString()).hasSize(64);
    }

    @Test
    void skipUnfoundDropsRowsWhoseBrandIsNotInTheTitle() throws Exception {
        var options = new FinetuneDataset.Options(0.0, 7, 20_000, true, 12);
        var report = new FinetuneDataset(StarterKnowledgeBase.get()).write(catalog(), out, options);
        assertThat(report.dropped()).containsEntry("brand not in title", 1);
        assertThat(report.abstentions()).isEqualTo(1);
        assertThat(report.validationFile()).isNull();
        assertThat(out.resolve("validation.jsonl")).doesNotExist();
    }

    @Test
    void tooFewRecordsFailWithTheLimit() {
        var rows = List.of(row("Nivea Soft 200ml", "NIVEA", null));
        assertThatThrownBy(() -> new FinetuneDataset(StarterKnowledgeBase.get())
                .write(rows, out, FinetuneDataset.Options.defaults()))
                .isInstanceOf(FinetuneDataset.LimitException.class).hasMessageContaining("at least 8");
    }

    @Test
    void theRecordCountIsCappedAtTheJobLimit() throws Exception {
        var options = new FinetuneDataset.Options(0.2, 7, 10, false, 12);
        var report = new FinetuneDataset(StarterKnowledgeBase.get()).write(catalog(), out, options);
        assertThat(report.training() + report.validation()).isEqualTo(10);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("kept 10"));
    }

    @Test
    void theSharedCatalogFitsBedrocksLimits() throws Exception {
        String shared = System.getProperty("mli.shared.data");
        assumeTrue(shared != null && Files.isRegularFile(Path.of(shared, "catalog.jsonl")),
                "skipped: mli.shared.data/catalog.jsonl is not available");
        var rows = CatalogReader.readAll(Path.of(shared, "catalog.jsonl"), null);
        var report = new FinetuneDataset(StarterKnowledgeBase.get()).write(rows, out, FinetuneDataset.Options.defaults());
        assertThat(report.validation()).isLessThanOrEqualTo(NovaLimits.MAX_VALIDATION_RECORDS);
        assertThat(report.training() + report.validation()).isBetween(NovaLimits.MIN_TRAINING_RECORDS,
                NovaLimits.MAX_TOTAL_RECORDS);
        assertThat(report.brandInTitle()).as("most catalog brands are written in their titles")
                .isGreaterThan(report.abstentions());
        assertThat(Files.size(report.trainingFile())).isLessThan(NovaLimits.MAX_TRAINING_BYTES);
    }

    private static String text(JsonNode record, int message) {
        return record.get("messages").get(message).get("content").get(0).get("text").asString();
    }
}
