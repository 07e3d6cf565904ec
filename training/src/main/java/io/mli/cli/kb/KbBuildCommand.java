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

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(catalog)) {
            System.err.println("mli kb build: no such catalog file: " + catalog);
            return 2;
        }
        KbBuildPipeline.Summary s;
        try (io.mli.cli.Progress progress = io.mli.cli.Progress.start("kb build", KbBuildPipeline.STEPS)) {
            s = new KbBuildPipeline(catalog, kb, !noStarter, System.err, progress::step).build();
        }
        System.err.printf("kb build: %s written to %s — %d brands from %d rows (%d unreadable) in %.1f s%n",
                s.kb().version(), kb, s.kb().size(), s.rows(), s.badRows(),
                ((Number) s.figures().get("totalMillis")).longValue() / 1000.0);
        return 0;
    }
}
