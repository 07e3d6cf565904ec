package io.mli.cli.kb;

import picocli.CommandLine.Command;

/** {@code mli kb}: build and manage knowledge bases. */
@Command(name = "kb", mixinStandardHelpOptions = true, description = "Build and manage knowledge bases.",
        subcommands = {KbBuildCommand.class, KbCalibrateCommand.class, KbPublishCommand.class,
            KbSplitCommand.class})
public final class KbCommand {
}
