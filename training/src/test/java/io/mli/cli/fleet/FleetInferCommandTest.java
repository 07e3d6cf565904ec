package io.mli.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.cli.Mli;
import io.mli.common.io.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code mli infer --url}: rows go to the fleet, one output row per input row, in order, errors inline. */
class FleetInferCommandTest {

    @Test
    void rowsThroughTheFleet(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"id": "a", "title": "Eucerin lotion"}
                {"id": "b", "title": "ยูเซอริน โลชั่น"}
                not json
                {"id": "d", "product_name": "Eucerin cream"}
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");
        try (FakeFleet fleet = new FakeFleet()) {
            int code = Mli.commandLine().execute("infer", "--url", fleet.url(), "--method", "ner", "--in",
                    in.toString(), "--out", out.toString());
            assertThat(code).isZero();
            assertThat(fleet.received).hasSize(1);
            assertThat(fleet.received.getFirst().get("method").asString()).isEqualTo("ner");
            assertThat(fleet.received.getFirst().get("items").size()).isEqualTo(3);
        }
        List<JsonNode> rows = Files.readAllLines(out).stream().map(l -> Json.MAPPER.readTree(l)).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("id").asString()).isEqualTo("a");
        assertThat(rows.get(0).get("brand").asString()).isEqualTo("Eucerin");
        assertThat(rows.get(1).get("id").asString()).isEqualTo("b");
        assertThat(rows.get(2).get("error").asString()).isNotBlank();
        assertThat(rows.get(3).get("id").asString()).isEqualTo("d");
        assertThat(rows.get(3).get("brand").asString()).isEqualTo("Eucerin");
    }

    @Test
    void aFleetThatIsNotThereIsAClearError() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(Mli.commandLine().execute("infer", "--url", "http://127.0.0.1:" + port, "Eucerin"))
                .isEqualTo(1);
    }
}
