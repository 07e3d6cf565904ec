package io.mli.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** docker/healthcheck.sh, the images' and task definitions' health check, against a local HTTP server. */
class HealthCheckScriptTest {
  private HttpServer server;
  private int port;

  @BeforeEach
  void start() throws IOException {
    Tools.require("bash", "apt-get install bash");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ner/health", exchange -> reply(exchange, 200, "{\"status\":\"UP\"}"));
    server.createContext("/rag/health", exchange -> reply(exchange, 503, "{\"status\":\"DOWN\",\"reason\":\"loading\"}"));
    server.start();
    port = server.getAddress().getPort();
  }

  private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Tools.Result check(String path) {
    return Tools.run(Repo.ROOT, Map.of(), List.of("bash", Repo.DOCKER.resolve("healthcheck.sh").toString(),
        String.valueOf(port), path));
  }

  @Test
  void healthyOnlyWhenTheServiceAnswers200() {
    assertThat(check("/ner/health").exit()).isZero();

    Tools.Result notReady = check("/rag/health");
    assertThat(notReady.exit()).isEqualTo(1);
    assertThat(notReady.stderr()).contains("503");

    assertThat(check("/missing").exit()).isEqualTo(1);
  }

  @Test
  void unhealthyWhenNothingListens() {
    server.stop(0);

    assertThat(check("/ner/health").exit()).isNotZero();
  }
}
