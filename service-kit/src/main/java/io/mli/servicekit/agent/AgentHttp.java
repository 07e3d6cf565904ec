package io.mli.servicekit.agent;

import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of agent-to-agent calls: Apache HttpClient 5 in its classic, blocking form over a pool of
 * keep-alive connections. Callers run on virtual threads, where a blocking socket read parks the thread, so a call
 * needs no other thread. The JDK client it replaced completes each response on its selector thread: against one NER
 * agent, one call at a time cost the caller 560–650 µs of CPU with it and 330–340 µs with this one (0.77–0.81 against
 * 0.67–0.71 ms a call); from 8 virtual threads at once the two cost about the same, 180–200 against 165–185 µs
 * ({@code docs/bench/AgentClientBench.java}, docs/benchmarks.md).
 * Thread-safe; one per service.
 */
public final class AgentHttp implements AutoCloseable {
    /** Connections kept per agent: more than the requests a service has in flight under load. */
    static final int CONNECTIONS_PER_AGENT = 128;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private final CloseableHttpClient client;

    /** A status code and the whole body (agents' answers are small). */
    public record Reply(int status, byte[] body) {
    }

    private AgentHttp(CloseableHttpClient client) {
        this.client = client;
    }

    public static AgentHttp create() {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(CONNECTIONS_PER_AGENT)
                .setMaxConnTotal(4 * CONNECTIONS_PER_AGENT)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                        // A connection idle this long is checked before reuse: the agent may have closed it.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        return new AgentHttp(HttpClients.custom()
                .setConnectionManager(pool)
                .setRetryStrategy(new StaleConnectionRetry())
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .disableCookieManagement()
                .disableAuthCaching()
                .disableRedirectHandling()
                .disableContentCompression()
                .build());
    }

    /**
     * {@code POST uri} with a JSON body, answered within {@code timeout} (else a
     * {@link java.net.SocketTimeoutException}).
     */
    public Reply postJson(URI uri, byte[] json, String requestIdHeader, String requestId, Duration timeout)
            throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setHeader("Accept", "application/json");
        if (requestId != null) {
            post.setHeader(requestIdHeader, requestId);
        }
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        return execute(post, timeout);
    }

    /** {@code GET uri}, answered within {@code timeout}. */
    public Reply get(URI uri, Duration timeout) throws IOException {
        return execute(new HttpGet(uri), timeout);
    }

    private Reply execute(HttpUriRequestBase request, Duration timeout) throws IOException {
        Timeout t = Timeout.of(timeout);
        request.setConfig(RequestConfig.custom().setResponseTimeout(t).setConnectionRequestTimeout(t).build());
        return client.execute(request, r -> new Reply(r.getCode(),
                r.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(r.getEntity())));
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /**
     * Sends a call once more, on a new connection, when a pooled connection turns out to have been closed by the
     * agent (no response at all, or reset): the agents' calls are pure functions of their body, so repeating one is
     * safe. Nothing else is retried: an error status or a slow agent is the caller's to report, and the orchestrator
     * has its own time budget.
     */
    private static final class StaleConnectionRetry implements HttpRequestRetryStrategy {
        @Override
        public boolean retryRequest(HttpRequest request, IOException e, int execCount, HttpContext context) {
            return execCount <= 1 && (e instanceof NoHttpResponseException
                    || e instanceof SocketException && !(e instanceof java.net.ConnectException));
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }
    }
}
