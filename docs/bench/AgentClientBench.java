import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The agents' HTTP client measured alone: {@code POST /infer} to one running NER agent, N calls from C virtual
 * threads, three rounds; prints calls per second and the caller's CPU per call. {@code jdk} is
 * {@code java.net.http.HttpClient} (the agents' client before the eighth session), {@code apache} Apache HttpClient
 * 5 classic with a connection pool (AgentHttp's). Run from the repository root, with a NER agent on 8081
 * ({@code bin/mli up --detach --only ner-agent}):
 * <pre>
 * ./mvnw -q -o -pl service-kit dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "$(cat /tmp/cp.txt)" docs/bench/AgentClientBench.java jdk 20000 8
 * java -cp "$(cat /tmp/cp.txt)" docs/bench/AgentClientBench.java apache 20000 8
 * </pre>
 */
public class AgentClientBench {
    static final byte[] BODY = ("{\"product_name\":\"กันแดดเคลียร์โนส Clear Nose UV Sun Serum SPF50+PA++++ 80ml "
            + "1ชิ้น\",\"top_k\":3}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    interface Call {
        byte[] call() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int n = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        URI uri = URI.create(args.length > 3 ? args[3] : "http://localhost:8081/infer");
        Call call = kind.equals("jdk") ? jdk(uri) : apache(uri);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 3; round++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            AtomicInteger left = new AtomicInteger(n);
            AtomicInteger errors = new AtomicInteger();
            try (var ex = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < threads; i++) {
                    ex.submit(() -> {
                        while (left.getAndDecrement() > 0) {
                            try {
                                call.call();
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                        }
                        return null;
                    });
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s round %d: %.0f calls/s, caller CPU %.0f us a call, %d errors%n", kind, round,
                    n / s, (os.getProcessCpuTime() - cpu0) / 1e3 / n, errors.get());
        }
    }

    static Call jdk(URI uri) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
        return () -> http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    static Call apache(URI uri) {
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnPerRoute(64)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(2)).build()).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(2)).build())
                .build();
        return () -> {
            HttpPost post = new HttpPost(uri);
            post.setHeader("Accept", "application/json");
            post.setEntity(new ByteArrayEntity(BODY, ContentType.APPLICATION_JSON));
            return http.execute(post, r -> EntityUtils.toByteArray(r.getEntity()));
        };
    }
}
