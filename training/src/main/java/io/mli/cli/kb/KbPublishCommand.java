package io.mli.cli.kb;

import io.mli.common.kb.KbPublisher;
import io.mli.common.store.ObjectStore;
import io.mli.common.store.ObjectStores;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mli kb publish}: uploads a built knowledge-base directory as a new immutable version and then moves the
 * {@code current} pointer, which the services poll ({@code MLI_KB_URI}) and switch to without a restart.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a built knowledge base (kb.json, ner/, index/, calibration.json: every file) as a new "
                + "immutable version, then point 'current' at it. Services with MLI_KB_URI set to the same "
                + "location pick it up without a restart.",
            "Layout: PREFIX/versions/<kb version>-<UTC time>/..., PREFIX/current."})
public final class KbPublishCommand implements Callable<Integer> {
    @Option(names = "--kb", required = true, paramLabel = "DIR", description = "A knowledge-base directory.")
    Path kb;

    @Option(names = "--to", required = true, paramLabel = "URI",
            description = "s3://BUCKET/PREFIX, or a directory (for a local or shared file system).")
    String to;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "An S3-compatible endpoint (MinIO, a test server); default AWS or AWS_ENDPOINT_URL_S3.")
    URI endpointUrl;

    @Override
    public Integer call() {
        if (!Files.isDirectory(kb)) {
            System.err.println("mli kb publish: no such directory: " + kb);
            return 2;
        }
        try {
            ObjectStore store = ObjectStores.open(to, Optional.ofNullable(endpointUrl), System.getenv());
            KbPublisher.Published p = new KbPublisher(store, Clock.systemUTC(), line -> System.err.println("  " + line))
                    .publish(kb);
            System.out.printf("published knowledge base %s: %s/%s (%d files, %d bytes)%n", p.kbVersion(),
                    p.storeUri(), p.versionPath(), p.files(), p.bytes());
            System.out.printf("%s/%s -> %s%n", p.storeUri(), KbPublisher.CURRENT, p.versionPath());
            System.out.printf("services with MLI_KB_URI=%s switch to it at their next poll%n", to.trim());
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("mli kb publish: " + e.getMessage());
            return 1;
        }
    }
}
