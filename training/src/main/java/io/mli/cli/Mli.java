package io.mli.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mli} command line: one entry point for building knowledge bases, training, inference, evaluation,
 * benchmarks, fine-tuning and running the local fleet. Every command runs the same engines as the services.
 */
@Command(name = "mli", mixinStandardHelpOptions = true, versionProvider = Mli.Version.class,
        description = "Brand and category inference for multilingual product titles.",
        subcommands = {
            CommandLine.HelpCommand.class,
            io.mli.cli.kb.KbCommand.class,
            io.mli.cli.ner.NerCommand.class,
            io.mli.cli.infer.InferCommand.class,
            io.mli.cli.eval.EvalCommand.class,
            io.mli.cli.bench.BenchCommand.class,
            io.mli.cli.fleet.FleetUp.class,
            io.mli.cli.fleet.FleetDown.class,
            io.mli.cli.finetune.FinetuneCommand.class,
            io.mli.cli.milvus.MilvusCommand.class,
            io.mli.cli.ops.OpsCommand.class,
        })
public final class Mli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Held so the level set below sticks: java.util.logging keeps only weak references to loggers. */
    private static final java.util.logging.Logger LUCENE_VECTOR_LOG =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        // Lucene notes on every start that the vector incubator module is off (the CLI leaves it off: it prints a
        // warning of its own on every start); that is not news to a command-line user.
        LUCENE_VECTOR_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Mli());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Mli.class.getPackage().getImplementationVersion();
            return new String[] {"mli " + (v == null ? "dev" : v)};
        }
    }
}
