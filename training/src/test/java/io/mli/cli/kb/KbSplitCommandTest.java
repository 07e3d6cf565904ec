package io.mli.cli.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.cli.CliRun;
import io.mli.common.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mli kb split}: by brand, every row once, the same on every run. */
class KbSplitCommandTest {
    @TempDir
    Path tmp;

    private static final List<String> CATALOG = List.of(
            "{\"title\": \"Nivea Soft Cream 100ml.\", \"brand\": \"NIVEA\", \"source\": \"s\", \"lang\": \"en\"}",
            "{\"title\": \"Nivea Men Deep Foam 100g.\", \"brand\": \"Nivea\", \"source\": \"s\", \"lang\": \"en\"}",
            "{\"title\": \"Mama Tom Yum 55g.\", \"brand\": \"MAMA\", \"source\": \"s\", \"lang\": \"en\"}",
            "{\"title\": \"Mama Pork Flavour 60g.\", \"brand\": \"MAMA\", \"source\": \"s\", \"lang\": \"en\"}",
            "{\"title\": \"Oreo Original 137g.\", \"brand\": \"OREO\", \"source\": \"s\", \"lang\": \"en\"}",
            "{\"title\": \"Lay's Classic 50g.\", \"brand\": \"LAY'S\", \"source\": \"s\", \"lang\": \"en\"}",
            "{\"title\": \"Lays Nori Seaweed 50g.\", \"brand\": \"Lays\", \"source\": \"s\", \"lang\": \"en\"}",
            "{\"title\": \"Sony WH-1000XM5\", \"brand\": \"Sony\", \"source\": \"s\", \"lang\": \"en\"}",
            "{\"title\": \"Tefal Frying Pan 28cm\", \"brand\": \"TEFAL\", \"source\": \"s\", \"lang\": \"en\"}",
            "{\"title\": \"Dettol Liquid 500ml.\", \"brand\": \"DETTOL\", \"source\": \"s\", \"lang\": \"en\"}",
            "{\"title\": \"Plain Cotton Tote Bag\", \"brand\": \"\", \"source\": \"s\", \"lang\": \"en\"}",
            "{\"title\": \"USB Cable 1m\", \"brand\": \"Generic\", \"source\": \"s\", \"lang\": \"en\"}",
            "not json at all");

    private Path catalog() throws Exception {
        Path file = tmp.resolve("catalog.jsonl");
        Files.write(file, CATALOG);
        return file;
    }

    private static List<Map<String, Object>> rows(Path file) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = Json.MAPPER.readValue(line, Map.class);
            out.add(row);
        }
        return out;
    }

    private static String key(Map<String, Object> row) {
        return io.mli.common.text.BrandKeys.key((String) row.get("brand"));
    }

    @Test
    void everyBrandedRowIsHeldOutInExactlyOneFoldWithAllOfItsBrand() throws Exception {
        Path catalog = catalog();
        Map<String, Integer> heldIn = new HashMap<>();
        Set<String> heldTitles = new HashSet<>();
        int heldRows = 0;
        for (int fold = 0; fold < 3; fold++) {
            Path out = tmp.resolve("fold" + fold);
            CliRun run = CliRun.of("kb", "split", "--catalog", catalog.toString(), "--out", out.toString(),
                    "--folds", "3", "--fold", String.valueOf(fold));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("line 13 left out").contains("1 unreadable")
                    .contains("2 of them without a brand");

            List<Map<String, Object>> held = rows(out.resolve("held-out.jsonl"));
            List<Map<String, Object>> train = rows(out.resolve("train.jsonl"));
            assertThat(held.size() + train.size()).isEqualTo(12); // all readable rows; Generic and "" train
            assertThat(train).anyMatch(row -> "Generic".equals(row.get("brand")));
            heldRows += held.size();
            Set<String> heldKeys = new HashSet<>();
            for (Map<String, Object> row : held) {
                assertThat(row).containsEntry("brand_in_catalog", false).containsEntry("lang", "en");
                heldKeys.add(key(row));
                heldIn.merge(key(row), 1, Integer::sum);
                heldTitles.add((String) row.get("title"));
            }
            // NIVEA and Nivea, LAY'S and Lays: one brand to the knowledge base, so one side of the split.
            assertThat(train).noneMatch(row -> heldKeys.contains(key(row)));
            assertThat(train).allMatch(row -> !row.containsKey("brand_in_catalog"));
        }
        assertThat(heldTitles).hasSize(10);
        assertThat(heldRows).as("each branded row held out once over the folds").isEqualTo(10);
        assertThat(heldIn.keySet()).hasSize(7);
    }

    @Test
    void theSameCatalogSplitsTheSameWay() throws Exception {
        Path catalog = catalog();
        CliRun.of("kb", "split", "--catalog", catalog.toString(), "--out", tmp.resolve("a").toString());
        CliRun.of("kb", "split", "--catalog", catalog.toString(), "--out", tmp.resolve("b").toString());
        assertThat(Files.readAllLines(tmp.resolve("a/held-out.jsonl")))
                .isEqualTo(Files.readAllLines(tmp.resolve("b/held-out.jsonl"))).isNotEmpty();
        assertThat(Files.readAllLines(tmp.resolve("a/train.jsonl")))
                .isEqualTo(Files.readAllLines(tmp.resolve("b/train.jsonl"))).isNotEmpty();
        // Fixed by the key's CRC32 (nivea: 0xd44d5c76, 4 modulo 10), not by the JVM's string hash: published figures
        // name the fold, and must mean the same rows on every machine.
        assertThat(KbSplitCommand.heldOut("nivea", 10, 4)).isTrue();
        assertThat(KbSplitCommand.heldOut("nivea", 10, 5)).isFalse();
        assertThat(KbSplitCommand.heldOut("mama", 3, 0)).isTrue();
    }

    @Test
    void perBrandKeepsTheFirstRowsOfAHeldOutBrandAndTrainsOnNoneOfTheRest() throws Exception {
        Path out = tmp.resolve("capped");
        // Fold 0 of 3 holds out MAMA alone (CRC32 of "mama" is 0 modulo 3), which has two rows.
        CliRun run = CliRun.of("kb", "split", "--catalog", catalog().toString(), "--out", out.toString(),
                "--folds", "3", "--fold", "0", "--per-brand", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("1 over --per-brand left out");
        assertThat(rows(out.resolve("held-out.jsonl"))).extracting(row -> row.get("title"))
                .containsExactly("Mama Tom Yum 55g.");
        assertThat(rows(out.resolve("train.jsonl"))).hasSize(10).noneMatch(row -> key(row).equals("mama"));

        CliRun zero = CliRun.of("kb", "split", "--catalog", catalog().toString(), "--out", out.toString(),
                "--per-brand", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--per-brand must be at least 1");
    }

    @Test
    void refusesAFoldOutsideTheFoldsAndAMissingCatalog() throws Exception {
        CliRun bad = CliRun.of("kb", "split", "--catalog", catalog().toString(), "--out", tmp.resolve("x").toString(),
                "--folds", "5", "--fold", "5");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--fold must be 0 to 4");

        CliRun missing = CliRun.of("kb", "split", "--catalog", tmp.resolve("none.jsonl").toString(), "--out",
                tmp.resolve("y").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such catalog file");

        // An --out that is a file, and one whose train.jsonl is the catalog itself (it would be emptied, then read).
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        CliRun notADirectory = CliRun.of("kb", "split", "--catalog", catalog().toString(), "--out", file.toString());
        assertThat(notADirectory.exitCode()).isEqualTo(2);
        assertThat(notADirectory.err()).contains("must be a directory");
        Path again = tmp.resolve("again");
        Files.createDirectories(again);
        Path inside = Files.copy(catalog(), again.resolve("train.jsonl"));
        CliRun overwrite = CliRun.of("kb", "split", "--catalog", inside.toString(), "--out", again.toString());
        assertThat(overwrite.exitCode()).isEqualTo(2);
        assertThat(overwrite.err()).contains("would write over");
        assertThat(Files.readAllLines(inside)).hasSize(CATALOG.size());
    }
}
