package io.mli.cli.kb;

import io.mli.common.io.RowError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mli kb calibrate}: refits only the calibration of a knowledge base from its catalog. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Refit the confidence calibration of a knowledge base on a held-out split of its catalog.")
public final class KbCalibrateCommand implements Callable<Integer> {
    @Option(names = "--catalog", required = true, description = "The catalog the knowledge base was built from.")
    Path catalog;

    @Option(names = "--kb", required = true, description = "An existing knowledge-base directory.")
    Path kb;

    @Option(names = "--no-starter", description = "The knowledge base was built without the starter.")
    boolean noStarter;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(catalog)) {
            System.err.println("mli kb calibrate: no such catalog file: " + catalog);
            return 2;
        }
        KbBuildPipeline p = new KbBuildPipeline(catalog, kb, !noStarter, System.err);
        p.fitCalibration(p.readCatalog(new ArrayList<RowError>()));
        return 0;
    }
}
