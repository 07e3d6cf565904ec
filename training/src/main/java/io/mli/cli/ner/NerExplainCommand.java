package io.mli.cli.ner;

import io.mli.common.kb.KnowledgeBaseStore;
import io.mli.ner.engine.NerEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mli ner explain}: how the NER model sees a title, token by token. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show each token of a title with the CRF's brand, variant and category probabilities.")
public final class NerExplainCommand implements Callable<Integer> {
    @Option(names = "--kb", description = "Knowledge-base directory.")
    Path kb;

    @Parameters(arity = "1..*", paramLabel = "TITLE")
    List<String> titles;

    @Override
    public Integer call() {
        NerEngine engine = NerEngine.open(KnowledgeBaseStore.loadOrStarter(kb), kb);
        for (String title : titles) {
            System.out.println(title);
            for (NerEngine.TokenView t : engine.explain(title)) {
                System.out.printf("  %-24s %-8s %s brand %.2f variant %.2f category %.2f%n", t.text(), t.type(),
                        t.inTag() ? "tag" : "   ", t.brand(), t.variant(), t.category());
            }
        }
        return 0;
    }
}
