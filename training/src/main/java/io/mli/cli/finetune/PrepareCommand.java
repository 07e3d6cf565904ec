package io.mli.cli.finetune;

import io.mli.common.io.CatalogReader;
import io.mli.common.io.RowError;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mli finetune prepare --catalog FILE --out DIR}. */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = {"Write Nova fine-tuning data (bedrock-conversation-2024) from a labelled catalog.",
                "Writes DIR/train.jsonl, DIR/validation.jsonl and DIR/manifest.json. Each record is the LLM agent's",
                "own system prompt, its user turn (the title and the knowledge base's candidates) and the JSON",
                "answer; Bedrock's limits (record count, size, reserved words) are checked. Use the knowledge base",
                "the agent will run with (--kb), so that training sees the same candidates as inference."})
public final class PrepareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--catalog", required = true, paramLabel = "FILE",
            description = "labelled catalog: JSON Lines or CSV with title (or product_name), brand and optional category")
    Path catalog;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write the data")
    Path out;

    @Option(names = "--kb", paramLabel = "DIR",
            description = "knowledge base for the candidates (default: the built-in starter knowledge base)")
    Path kbDir;

    @Option(names = "--validation-fraction", defaultValue = "0.1",
            description = "share of records held out for validation (default: ${DEFAULT-VALUE}, at most "
                    + NovaLimits.MAX_VALIDATION_RECORDS + ")")
    double validationFraction;

    @Option(names = "--max-records", defaultValue = "" + NovaLimits.MAX_TOTAL_RECORDS,
            description = "records kept at most, training and validation together (default: ${DEFAULT-VALUE})")
    int maxRecords;

    @Option(names = "--seed", defaultValue = "42", description = "shuffle seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--skip-unfound",
            description = "drop rows whose brand is not in the title instead of teaching an abstention")
    boolean skipUnfound;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KnowledgeBase kb = KnowledgeBaseStore.loadOrStarter(kbDir);
        List<RowError> errors = new ArrayList<>();
        var rows = CatalogReader.readAll(catalog, errors);
        if (!errors.isEmpty()) {
            err.printf("warning: %d catalog rows could not be read and were left out, e.g. line %d: %s%n",
                    errors.size(), errors.getFirst().line(), errors.getFirst().message());
        }
        FinetuneDataset.Options options = new FinetuneDataset.Options(validationFraction, seed, maxRecords,
                skipUnfound, 12);
        try {
            var r = new FinetuneDataset(kb).write(rows, this.out, options);
            out.printf("%d catalog rows -> %d training and %d validation records in %s%n", r.rows(), r.training(),
                    r.validation(), this.out);
            out.printf("  brand in the title: %d; taught to abstain: %d%n", r.brandInTitle(), r.abstentions());
            if (!r.dropped().isEmpty()) {
                out.printf("  dropped: %s%n", r.dropped());
            }
            r.warnings().forEach(w -> err.println("warning: " + w));
            out.printf("Next: mli finetune submit --data %s --s3 s3://BUCKET/PREFIX --role-arn ARN "
                    + "--base-model %s --name NAME%n", this.out, NovaLimits.BASE_MODELS.get(2));
            return 0;
        } catch (FinetuneDataset.LimitException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }
}
