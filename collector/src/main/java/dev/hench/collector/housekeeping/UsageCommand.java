package dev.hench.collector.housekeeping;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code collector usage}: prints the usage ledger's totals. Reads only; takes no lock. */
@Command(name = "usage", mixinStandardHelpOptions = true,
        description = "Prints the token usage recorded in a runs directory's usage ledger: "
                + "lifetime totals and totals by UTC day, by model and by worker.")
public final class UsageCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--runs", required = true, paramLabel = "DIR",
            description = "Runs directory whose ledger to read.")
    private Path runsDirectory;

    @Option(names = "--json", description = "Prints one JSON object instead of text.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(runsDirectory)) {
            spec.commandLine().getErr().println("invalid setting: --runs was '" + runsDirectory
                    + "' but " + HousekeepingSettings.RUNS_DIRECTORY_ALLOWED);
            return HousekeepingCommand.EXIT_INVALID_SETTINGS;
        }
        UsageTotals totals = UsageTotals.of(UsageLedger.read(runsDirectory));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(totals));
        } else {
            printText(totals, out);
        }
        out.flush();
        return 0;
    }

    private static void printText(UsageTotals totals, PrintWriter out) {
        out.println("lifetime: " + totals.getLifetime());
        printGroups("by day (UTC)", totals.getByDay(), out);
        printGroups("by model", totals.getByModel(), out);
        printGroups("by worker", totals.getByWorker(), out);
    }

    private static void printGroups(String title, Map<?, UsageSum> groups, PrintWriter out) {
        out.println(title + ":");
        groups.forEach((key, sum) -> out.println("  " + key + " " + sum));
    }
}
