package io.mli.common.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Opens the {@link ObjectStore} a URI names: {@code s3://bucket/prefix}, a {@code file:} URI or a plain path. */
public final class ObjectStores {
    private ObjectStores() {
    }

    public static boolean isS3(String uri) {
        return uri != null && uri.trim().startsWith("s3://");
    }

    /**
     * @param endpoint an S3 endpoint override (tests, MinIO); empty for AWS or the environment's
     *                 {@code AWS_ENDPOINT_URL_S3}
     * @param env      the process environment (region and endpoint variables)
     */
    public static ObjectStore open(String uri, Optional<URI> endpoint, Map<String, String> env) {
        String u = uri.trim();
        if (isS3(u)) {
            URI parsed = URI.create(u);
            return S3ObjectStore.of(parsed, S3ObjectStore.client(endpoint, env));
        }
        return new FileObjectStore(localPath(u));
    }

    /** A plain path or a {@code file:} URI as a path. */
    public static Path localPath(String uri) {
        return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
    }
}
