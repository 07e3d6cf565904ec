package io.mli.cli.ner;

import io.mli.cli.kb.KbBuildPipeline;
import io.mli.common.io.RowError;
import io.mli.common.kb.KnowledgeBase;
import io.mli.common.kb.KnowledgeBaseStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mli ner train}: retrains only the NER model of an existing knowledge base. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Retrain the NER model of a knowledge base from a catalog.")
public final class NerTrainCommand implements Callable<Integer> {
    @Option(names = "--catalog", required = true, description = "Labelled titles (JSONL or CSV).")
    Path catalog;

    @Option(names = "--kb", required = true, description = "An existing knowledge-base directory.")
    Path kb;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(catalog)) {
            System.err.println("mli ner train: no such catalog file: " + catalog);
            return 2;
        }
        KnowledgeBase base = KnowledgeBaseStore.load(kb);
        KbBuildPipeline pipeline = new KbBuildPipeline(catalog, kb, true, System.err);
        pipeline.trainNer(pipeline.readCatalog(new ArrayList<RowError>()), base);
        return 0;
    }
}
