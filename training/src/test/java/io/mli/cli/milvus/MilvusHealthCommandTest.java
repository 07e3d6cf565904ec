package io.mli.cli.milvus;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mli.cli.Mli;
import io.mli.common.embed.HashedNgramEmbedder;
import io.mli.common.io.Json;
import io.mli.common.vector.StoreFixtures;
import io.mli.common.vector.milvus.FakeMilvus;
import io.mli.common.vector.milvus.MilvusCollections;
import io.mli.common.vector.milvus.MilvusSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** {@code mli milvus health} against the fake Milvus server (and a stand-in for the /healthz endpoint). */
class MilvusHealthCommandTest {
    private FakeMilvus fake;
    private HttpServer healthz;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeMilvus();
        try (MilvusCollections c = MilvusCollections.connect(MilvusSettings.of(fake.uri(), null, "mli_products"),
                new HashedNgramEmbedder())) {
            c.rebuild(StoreFixtures.corpus(), "mli_products", false);
        }
        healthz = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        healthz.createContext("/healthz", exchange -> {
            byte[] ok = "OK".getBytes();
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        healthz.start();
    }

    @AfterEach
    void stop() {
        fake.close();
        healthz.stop(0);
    }

    private record Run(int exit, String out) {
        JsonNode json() {
            return Json.MAPPER.readTree(out);
        }
    }

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("milvus", "health"));
        all.addAll(List.of(args));
        CommandLine cl = Mli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int exit = cl.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString().strip());
    }

    @Test
    void aHealthyServerExitsZeroWithTheFacts() {
        Run r = run("--uri", fake.uri(), "--healthz-port", String.valueOf(healthz.getAddress().getPort()),
                "--expect-rows", "12", "--json");
        assertThat(r.exit()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("ok").asBoolean()).isTrue();
        assertThat(j.get("grpcConnected").asBoolean()).isTrue();
        assertThat(j.get("healthzStatus").asInt()).isEqualTo(200);
        assertThat(j.get("collectionExists").asBoolean()).isTrue();
        assertThat(j.get("loaded").asBoolean()).isTrue();
        assertThat(j.get("rows").asLong()).isEqualTo(12);
        assertThat(j.get("probeLatencyMs").isNumber()).isTrue();
        assertThat(j.get("problems")).isEmpty();

        Run line = run("--uri", fake.uri(), "--healthz-port", "-1");
        assertThat(line.exit()).isZero();
        assertThat(line.out()).startsWith("OK milvus").contains("12 rows").doesNotContain("\n");
    }

    @Test
    void tooFewRowsAMissingCollectionOrNoHealthzFail() {
        Run rows = run("--uri", fake.uri(), "--healthz-port", "-1", "--expect-rows", "13", "--json");
        assertThat(rows.exit()).isEqualTo(1);
        assertThat(rows.json().get("problems").get(0).asString()).contains("12 rows, expected at least 13");

        Run missing = run("--uri", fake.uri(), "--healthz-port", "-1", "--collection", "other");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).startsWith("FAIL").contains("'other' does not exist");

        Run noHealthz = run("--uri", fake.uri(), "--healthz-port", String.valueOf(freePort()), "--json",
                "--timeout", "1");
        assertThat(noHealthz.exit()).isEqualTo(1);
        assertThat(noHealthz.json().get("problems").get(0).asString()).contains("/healthz").contains("did not answer");
    }

    @Test
    void anUnreachableServerFailsWithOneLine() throws Exception {
        Run r = run("--uri", "http://127.0.0.1:" + freePort(), "--timeout", "1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("FAIL milvus").contains("unreachable").doesNotContain("\n");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
