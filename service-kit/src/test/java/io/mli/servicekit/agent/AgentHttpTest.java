package io.mli.servicekit.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgentHttpTest {

    /**
     * A server that answers one request per connection and then closes it without saying so (no
     * {@code Connection: close}), as an agent does when it restarts or drops idle keep-alive connections: the
     * client's next call finds its pooled connection dead, and must be sent again on a new one.
     */
    @Test
    void aCallOnAConnectionTheAgentClosedIsSentAgainOnANewOne() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0); AgentHttp http = AgentHttp.create()) {
            Thread.ofVirtual().start(() -> serveOneRequestPerConnection(server, connections));
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/infer");
            for (int i = 1; i <= 3; i++) {
                AgentHttp.Reply reply = http.postJson(uri, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                        "X-Request-Id", "rid-" + i, Duration.ofSeconds(5));
                assertThat(reply.status()).isEqualTo(200);
                assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":" + i + "}");
            }
            assertThat(connections.get()).isEqualTo(3);
        }
    }

    /** Echoes the body of one request per connection, with a keep-alive response, then closes the connection. */
    private static void serveOneRequestPerConnection(ServerSocket server, AtomicInteger connections) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                connections.incrementAndGet();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                int length = 0;
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                char[] body = new char[length];
                for (int read = 0; read < length; ) {
                    read += in.read(body, read, length - read);
                }
                byte[] echo = new String(body).getBytes(StandardCharsets.ISO_8859_1);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + echo.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(echo);
                out.flush();
            } catch (IOException e) {
                return; // the server socket was closed: the test is over
            }
        }
    }
}
