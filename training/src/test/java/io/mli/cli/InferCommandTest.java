package io.mli.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.common.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mli infer} on the starter knowledge base: one row out per row in, in order, errors as fields. */
class InferCommandTest {

    @Test
    void writesExactlyOneRowPerInputRowInOrder(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        byte[] badUtf8 = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xff, '"', '}', '\n'};
        StringBuilder sb = new StringBuilder();
        sb.append("{\"title\": \"Eucerin Spotless Brightening Body Lotion 250ml ยูเซอริน\", \"sku\": \"A1\"}\n");
        sb.append("this is not json\n");
        sb.append("{\"product_name\": \"iPhone 15 Pro Max สีดำ\", \"sku\": \"A2\"}\n");
        sb.append("{\"title\": \"\", \"sku\": \"E1\"}\n");
        sb.append("{\"title\": \"").append("x".repeat(100_000)).append("\", \"sku\": \"E2\"}\n");
        Files.write(in, sb.toString().getBytes(StandardCharsets.UTF_8));
        Files.write(in, badUtf8, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(in, "{\"title\": \"Generic USB Cable\", \"sku\": \"A3\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("out.jsonl");

        int code = Mli.commandLine().execute("infer", "--in", in.toString(), "--out", out.toString());

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(7);
        List<Map<String, Object>> rows = lines.stream().map(InferCommandTest::parse).toList();
        assertThat(rows.get(0)).containsEntry("sku", "A1").containsEntry("brand", "Eucerin")
                .containsKeys("brand_id", "aliases", "confidence", "category", "category_confidence", "method",
                        "evidence");
        // The category comes with its own confidence, a probability (0 where there is no category).
        for (Map<String, Object> row : List.of(rows.get(0), rows.get(2))) {
            double c = ((Number) row.get("category_confidence")).doubleValue();
            if (row.get("category") == null) {
                assertThat(c).isZero();
            } else {
                assertThat(c).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
            }
        }
        assertThat(rows.get(1).get("error").toString()).contains("not valid JSON");
        assertThat(rows.get(2)).containsEntry("sku", "A2").containsEntry("brand", "Apple");
        // A row that cannot be inferred keeps its other fields, so it can be joined back (its sku).
        assertThat(rows.get(3).get("error").toString()).contains("empty");
        assertThat(rows.get(3)).containsEntry("sku", "E1").containsEntry("title", "");
        assertThat(rows.get(4).get("error").toString()).contains("at most 1000");
        assertThat(rows.get(4)).containsEntry("sku", "E2").doesNotContainKey("title");
        assertThat(rows.get(5).get("error").toString()).contains("UTF-8");
        assertThat(rows.get(6)).containsEntry("sku", "A3").containsEntry("brand", null);
        assertThat((Double) rows.get(0).get("confidence")).isBetween(0.5, 1.0);
    }

    @Test
    void printsOneJsonResultForATitle() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            int code = Mli.commandLine().execute("infer", "--method", "ner", "Lays Classic Hot and Spicy 69g.");
            assertThat(code).isZero();
        } finally {
            System.setOut(old);
        }
        Map<String, Object> row = parse(buf.toString(StandardCharsets.UTF_8).strip());
        assertThat(row.get("brand")).isEqualTo("LAY'S");
        assertThat(row.get("method")).isEqualTo("ner");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return Json.MAPPER.readValue(json, Map.class);
    }

    @Test
    void badArgumentsGetAClearMessageAndAnExitCode(@TempDir Path dir) {
        CommandLine cl = Mli.commandLine();
        assertThat(cl.execute("infer", "--in", dir.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(cl.execute("infer", "--method", "magic", "x")).isEqualTo(2);
        assertThat(cl.execute("infer")).isEqualTo(2);
    }
}
