package io.mli.cli.eval;

import io.mli.cli.Engines;
import io.mli.common.domain.Method;
import io.mli.common.domain.Mode;
import io.mli.common.io.CatalogReader;
import io.mli.common.io.CatalogRow;
import io.mli.common.io.RowError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mli eval}: accuracy, coverage, precision, calibration and latency on labelled rows. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a method on labelled rows (title, brand) and write report.json and report.html.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--kb", description = "Knowledge-base directory (default: the starter knowledge base).")
    Path kb;

    @Option(names = "--data", required = true, description = "Labelled rows (JSONL or CSV with title and brand).")
    Path data;

    @Option(names = "--method", defaultValue = "orchestrator", description = "Method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--mode", defaultValue = "cascade", description = "cascade or all (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--report", description = "Directory for report.json and report.html.")
    Path report;

    @Option(names = "--errors", defaultValue = "0", description = "Print this many wrong rows.")
    int errors;

    @Option(names = "--without-brand", description = "Cut each row's brand out of its title and score the titles as "
            + "naming none: the coverage is then the share given a brand that is not there.")
    boolean withoutBrand;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(data)) {
            System.err.println("mli eval: no such file: " + data);
            return 2;
        }
        Method m = Method.parse(method);
        Mode md = Mode.parse(mode);
        List<RowError> bad = new ArrayList<>();
        List<CatalogRow> rows = CatalogReader.readAll(data, bad);
        try (Engines engines = Engines.open(kb)) {
            if (withoutBrand) {
                int labelled = rows.size();
                rows = Unbranded.rows(rows, engines.kb());
                System.err.printf("mli eval: %d of %d titles with their brand cut out%n", rows.size(), labelled);
            }
            // Warm up so latency percentiles measure the steady state, not class loading and the JIT.
            Evaluation.run(engines, rows.subList(0, Math.min(rows.size(), 300)), m, md);
            List<Outcome> outcomes = Evaluation.run(engines, rows, m, md);
            Map<String, SliceStats> slices = Evaluation.slices(outcomes);
            Report r = Report.of(m, md, data, engines.kb().version(), outcomes, slices);
            System.out.print(r.table());
            if (errors > 0) {
                outcomes.stream().filter(o -> !o.correct()).limit(errors).forEach(o -> System.out.printf(
                        "  %-12s gold=%-20s got=%-20s %.2f  %s%n", o.slice(), o.gold(), o.predicted(),
                        o.confidence(), o.title()));
            }
            if (report != null) {
                r.write(report);
                System.err.println("mli eval: report written to " + report.resolve("report.html"));
            }
        }
        return 0;
    }
}
