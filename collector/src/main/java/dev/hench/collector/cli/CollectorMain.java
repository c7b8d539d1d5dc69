package dev.hench.collector.cli;

import dev.hench.collector.admission.AdmissionServerCommand;
import dev.hench.collector.admission.AdmitCommand;
import dev.hench.collector.admission.BudgetCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the collector jar: {@code java -jar hench-collector.jar COMMAND ...}. */
@Command(
        name = "collector",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "hench collector: ingests worker memory signals, detects leaks, decides "
                + "admission and keeps the runs directory tidy.",
        subcommands = {
            CommandLine.HelpCommand.class,
            RunCommand.class,
            dev.hench.collector.housekeeping.HousekeepingCommand.class,
            dev.hench.collector.housekeeping.UsageCommand.class,
            dev.hench.collector.housekeeping.RunsCommand.class,
            dev.hench.collector.replay.ReplayCommand.class,
            dev.hench.collector.replay.EvaluateCommand.class,
            BudgetCommand.class,
            AdmitCommand.class,
            AdmissionServerCommand.class
        })
public final class CollectorMain implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** Builds the command tree; tests call this to run commands in-process. */
    public static CommandLine newCommandLine() {
        return new CommandLine(new CollectorMain());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required; see 'collector --help'");
    }
}
