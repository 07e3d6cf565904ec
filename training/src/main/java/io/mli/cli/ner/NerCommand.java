package io.mli.cli.ner;

import picocli.CommandLine.Command;

/** {@code mli ner}: the NER model. */
@Command(name = "ner", mixinStandardHelpOptions = true, description = "Train and inspect the NER model.",
        subcommands = {NerTrainCommand.class, NerExplainCommand.class})
public final class NerCommand {
}
