package io.mli.cli.ops;

import picocli.CommandLine.Command;

/** {@code mli ops}: look at the deployed fleet. */
@Command(name = "ops", mixinStandardHelpOptions = true, description = "Operate the fleet deployed on AWS.",
        subcommands = {OpsStatusCommand.class})
public final class OpsCommand {
}
