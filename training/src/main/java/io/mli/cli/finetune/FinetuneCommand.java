package io.mli.cli.finetune;

import picocli.CommandLine.Command;

/** {@code mli finetune}: prepare Nova fine-tuning data, submit the job, follow it, deploy the result. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = "Fine-tune Amazon Nova on your catalog for the LLM agent (Bedrock model customisation).",
        subcommands = {PrepareCommand.class, SubmitCommand.class, StatusCommand.class, DeployCommand.class})
public final class FinetuneCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
