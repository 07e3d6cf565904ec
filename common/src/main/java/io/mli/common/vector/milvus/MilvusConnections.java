package io.mli.common.vector.milvus;

import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.client.RetryConfig;

/** Opens {@link MilvusClientV2} clients with the settings' timeouts and retry policy. */
public final class MilvusConnections {
    private MilvusConnections() {
    }

    /**
     * Connects (the SDK checks the server on construction).
     *
     * @throws MilvusUnavailableException when the server cannot be reached within the connect timeout
     */
    public static MilvusClientV2 open(MilvusSettings s) {
        ConnectConfig.ConnectConfigBuilder b = ConnectConfig.builder().uri(s.uri())
                .connectTimeoutMs(s.connectTimeoutMs()).rpcDeadlineMs(s.rpcTimeoutMs())
                .keepAliveTimeMs(30_000).keepAliveTimeoutMs(5_000).idleTimeoutMs(60 * 60_000L);
        if (s.token() != null && !s.token().isBlank()) {
            b.token(s.token());
        }
        MilvusClientV2 client;
        try {
            client = new MilvusClientV2(b.build());
        } catch (RuntimeException e) {
            throw new MilvusUnavailableException("Milvus at " + s.endpoint() + " unreachable: " + rootMessage(e), e);
        }
        // The SDK retries UNAVAILABLE, DEADLINE_EXCEEDED and rate limits with exponential backoff.
        client.retryConfig(RetryConfig.builder().maxRetryTimes(Math.max(1, s.maxRetries() + 1)).initialBackOffMs(100)
                .maxBackOffMs(2_000).backOffMultiplier(2).retryOnRateLimit(true)
                .maxRetryTimeoutMs(s.rpcTimeoutMs() * Math.max(1, s.maxRetries())).build());
        return client;
    }

    /** The most telling message of an exception chain, on one line. */
    static String rootMessage(Throwable e) {
        return rawRootMessage(e).replaceAll("\\s+", " ").strip();
    }

    private static String rawRootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        String own = e.getMessage();
        return own != null && (m == null || own.contains(m)) ? own : (m == null ? t.getClass().getSimpleName() : m);
    }
}
