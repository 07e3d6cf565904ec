package io.mli.cli.kb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mli kb build}: a knowledge base and its models from a catalog of labelled titles. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build a knowledge base (brands, aliases, NER model, index, calibration) from a catalog.")
public final class KbBuildCommand implements Callable<Integer> {

    @Option(names = "--catalog", required = true, description = "Labelled titles: JSONL or CSV with title, brand, "
            + "optional category.")
    Path catalog;

    @Option(names = "--kb", required = true, description = "Directory to write the knowledge base into.")
    Path kb;

    @Option(names = "--no-starter", description = "Do not merge the built-in starter knowledge base.")
    boolean noStarter;

    @Option(names = "--store", defaultValue = "lucene", description = "lucene (the knowledge base's own index, "
            + "always written) or milvus (also load Milvus; needs --milvus-uri).")
    String store;

    @Option(names = "--milvus-uri", description = "Milvus, e.g. http://milvus:19530 (or MILVUS_URI).")
    String milvusUri;

    @Option(names = "--token", description = "Milvus token (user:password or API key; or MILVUS_TOKEN).")
    String token;

    @Option(names = "--milvus-collection", description = "The alias searches use (default mli_products).")
    String collection;

    @Option(names = "--keep-previous", description = "Keep the collection the alias pointed at before.")
    boolean keepPrevious;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(catalog)) {
            System.err.println("mli kb build: no such catalog file: " + catalog);
            return 2;
        }
        KbBuildPipeline.MilvusTarget target = null;
        if ("milvus".equalsIgnoreCase(store)) {
            String uri = milvusUri != null ? milvusUri : System.getenv("MILVUS_URI");
            if (uri == null || uri.isBlank()) {
                System.err.println("mli kb build: --store milvus needs --milvus-uri (or MILVUS_URI)");
                return 2;
            }
            target = new KbBuildPipeline.MilvusTarget(uri, token != null ? token : System.getenv("MILVUS_TOKEN"),
                    collection, keepPrevious);
        } else if (!"lucene".equalsIgnoreCase(store)) {
            System.err.println("mli kb build: --store must be lucene or milvus, not " + store);
            return 2;
        }
        KbBuildPipeline.Summary s;
        try (io.mli.cli.Progress progress = io.mli.cli.Progress.start("kb build", KbBuildPipeline.STEPS)) {
            s = new KbBuildPipeline(catalog, kb, !noStarter, System.err, progress::step).milvus(target).build();
        }
        System.err.printf("kb build: %s written to %s — %d brands from %d rows (%d unreadable) in %.1f s%n",
                s.kb().version(), kb, s.kb().size(), s.rows(), s.badRows(),
                ((Number) s.figures().get("totalMillis")).longValue() / 1000.0);
        return 0;
    }
}
