package io.mli.common.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link ObjectStore} over an S3 bucket and key prefix ({@code s3://bucket/prefix}), with the AWS SDK v2 client.
 * SDK failures become {@link IOException}s, so callers handle a missing network or credentials the same way as a
 * missing file.
 */
public final class S3ObjectStore implements ObjectStore {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** @param prefix the key prefix without leading or trailing {@code /}; empty for the bucket's root */
    public S3ObjectStore(S3Client s3, String bucket, String prefix) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("no bucket");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = trimSlashes(prefix == null ? "" : prefix);
    }

    /** Over {@code s3://bucket/prefix} with the given client. */
    public static S3ObjectStore of(URI uri, S3Client s3) {
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an s3://bucket/prefix URI: " + uri);
        }
        return new S3ObjectStore(s3, uri.getHost(), uri.getPath());
    }

    /**
     * An S3 client for this process: region from {@code AWS_REGION}, then {@code AWS_DEFAULT_REGION} (what the task
     * definitions set), then {@code us-east-1}; credentials from the SDK's default chain (the ECS task role in
     * AWS). {@code endpoint} (or {@code AWS_ENDPOINT_URL_S3} / {@code AWS_ENDPOINT_URL}) points it at an
     * S3-compatible server such as MinIO or S3Mock, with path-style addressing.
     */
    public static S3Client client(Optional<URI> endpoint, Map<String, String> env) {
        String region = firstSet(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), "us-east-1");
        Optional<URI> override = endpoint.or(() -> Optional.ofNullable(
                firstSet(env.get("AWS_ENDPOINT_URL_S3"), env.get("AWS_ENDPOINT_URL"), null)).map(URI::create));
        var builder = S3Client.builder()
                .region(Region.of(region))
                // Explicit, because a classpath may hold several SDK HTTP clients (then the SDK refuses to pick).
                .httpClient(UrlConnectionHttpClient.create());
        override.ifPresent(u -> builder.endpointOverride(u).forcePathStyle(true));
        return builder.build();
    }

    public String bucket() {
        return bucket;
    }

    public String prefix() {
        return prefix;
    }

    @Override
    public String uri() {
        return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(full(key))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public void download(String key, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(target); // the SDK's file transformer refuses to overwrite
        try {
            s3.getObject(r -> r.bucket(bucket).key(full(key)), ResponseTransformer.toFile(target));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(uri() + "/" + key, null, "no such object");
        } catch (SdkException e) {
            throw failure("download", key, e);
        }
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        try {
            s3.putObject(r -> r.bucket(bucket).key(full(key)), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public void upload(Path source, String key) throws IOException {
        try {
            s3.putObject(r -> r.bucket(bucket).key(full(key)), RequestBody.fromFile(source));
        } catch (SdkException e) {
            throw failure("upload", key, e);
        }
    }

    @Override
    public List<String> list(String keyPrefix) throws IOException {
        String base = prefix.isEmpty() ? "" : prefix + "/";
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(base + keyPrefix)).contents()) {
                keys.add(o.key().substring(base.length()));
            }
        } catch (SdkException e) {
            throw failure("list", keyPrefix, e);
        }
        keys.sort(null);
        return keys;
    }

    private String full(String key) {
        ObjectKeys.check(key);
        return prefix.isEmpty() ? key : prefix + "/" + key;
    }

    private IOException failure(String what, String key, SdkException e) {
        return new IOException("cannot " + what + " " + uri() + "/" + key + ": " + e.getMessage(), e);
    }

    private static String trimSlashes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '/') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '/') {
            to--;
        }
        return s.substring(from, to);
    }

    private static String firstSet(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.trim();
        }
        return b != null && !b.isBlank() ? b.trim() : fallback;
    }
}
