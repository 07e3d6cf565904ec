package io.mli.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mli.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mli bench} on the starter knowledge base: one line of figures per method, after its warm-up. */
class BenchCommandTest {

    @Test
    void printsALineOfFiguresPerMethodAfterItsWarmUp(@TempDir Path dir) throws Exception {
        Path titles = dir.resolve("titles.jsonl");
        Files.writeString(titles, """
                {"title": "Eucerin Spotless Brightening Body Lotion 250ml ยูเซอริน"}
                {"title": "iPhone 15 Pro Max สีดำ"}
                {"title": "Generic USB Cable"}
                """);

        CliRun run = CliRun.of("bench", "--data", titles.toString(), "--threads", "2", "--titles", "60",
                "--warmup", "30", "--methods", "orchestrator,ner");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("loaded in").contains("titles/s");
        assertThat(run.out().lines().filter(l -> l.startsWith("orchestrator ") || l.startsWith("ner ")))
                .hasSize(2)
                .allSatisfy(l -> assertThat(l).endsWith("(after 30 warm-up titles)"));
    }

    @Test
    void autoWarmUpRunsWholeRoundsOfTitles(@TempDir Path dir) throws Exception {
        Path titles = dir.resolve("titles.jsonl");
        Files.writeString(titles, "{\"title\": \"Lays Classic Hot and Spicy 69g.\"}\n");

        CliRun run = CliRun.of("bench", "--data", titles.toString(), "--threads", "1", "--titles", "40",
                "--methods", "ner");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String line = run.out().lines().filter(l -> l.startsWith("ner ")).findFirst().orElseThrow();
        int warmedUp = Integer.parseInt(line.replaceAll(".*\\(after (\\d+) warm-up titles\\)$", "$1"));
        assertThat(warmedUp).isPositive().isLessThanOrEqualTo(40 * 12);
        assertThat(warmedUp % 40).isZero();
    }

    @Test
    void aMissingFileIsAClearErrorNotAStackTrace() {
        CliRun run = CliRun.of("bench", "--data", "/no/such/titles.jsonl");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such file: /no/such/titles.jsonl");
    }

    @Test
    void badCountsAreClearErrorsBeforeAnythingIsLoaded(@TempDir Path dir) throws Exception {
        Path titles = dir.resolve("titles.jsonl");
        Files.writeString(titles, "{\"title\": \"Lays Classic 69g.\"}\n");
        for (String[] args : new String[][] {{"--warmup", "lots"}, {"--warmup", "-4"}, {"--titles", "-4"},
                {"--threads", "0"}}) {
            CliRun run = CliRun.of("bench", "--data", titles.toString(), args[0], args[1]);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).contains("mli bench: --").doesNotContain("Exception");
            assertThat(run.out()).as("nothing loaded").doesNotContain("loaded in");
        }
    }
}
