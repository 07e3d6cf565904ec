package io.mli.cli.milvus;

import picocli.CommandLine.Command;

/** {@code mli milvus ...}: operating the production vector store. */
@Command(name = "milvus", mixinStandardHelpOptions = true, description = "Milvus, the production vector store.",
        subcommands = {MilvusHealthCommand.class})
public final class MilvusCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
