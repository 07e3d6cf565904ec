package io.mli.cli.milvus;

import io.mli.common.io.Json;
import io.mli.common.vector.milvus.MilvusHealthCheck;
import io.mli.common.vector.milvus.MilvusSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mli milvus health}: the deployment guide's Milvus health check, for operators, CloudWatch alarms and ECS
 * health checks. Exit status 0 when healthy, 1 otherwise; {@code --json} prints one JSON object
 * ({@link MilvusHealthCheck.Result}), otherwise one line.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Checks a Milvus server: gRPC connect, /healthz on the metrics port, the collection exists and "
                + "is loaded, its row count, and a probe search with its latency.",
                "Exit status 0 when healthy, 1 otherwise. Ends within about the timeout on an unreachable host."})
public final class MilvusHealthCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--uri", required = true, defaultValue = "${env:MILVUS_URI}",
            description = "gRPC endpoint, e.g. http://milvus:19530 (default: $MILVUS_URI)")
    String uri;

    @Option(names = "--token", defaultValue = "${env:MILVUS_TOKEN}",
            description = "user:password or API key (default: $MILVUS_TOKEN)")
    String token;

    @Option(names = "--collection", defaultValue = MilvusSettings.DEFAULT_COLLECTION,
            description = "collection or alias (default: ${DEFAULT-VALUE})")
    String collection;

    @Option(names = "--expect-rows", description = "fail when the collection holds fewer rows")
    Long expectRows;

    @Option(names = "--healthz-port", defaultValue = "9091",
            description = "metrics port serving /healthz; -1 skips that check (default: ${DEFAULT-VALUE})")
    int healthzPort;

    @Option(names = "--timeout", defaultValue = "5", description = "seconds for connect and each call "
            + "(default: ${DEFAULT-VALUE})")
    double timeoutSeconds;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Override
    public Integer call() {
        // The SDK logs every failed call with a stack trace; the one-line result says it better.
        System.setProperty("org.slf4j.simpleLogger.log.io.milvus", "off");
        String target = uri.contains("://") ? uri : "http://" + uri;
        MilvusHealthCheck.Result r = MilvusHealthCheck.check(target, token, collection, expectRows, healthzPort,
                Duration.ofMillis((long) (timeoutSeconds * 1000)));
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? Json.MAPPER.writeValueAsString(r) : r.summary());
        out.flush();
        return r.ok() ? 0 : 1;
    }
}
