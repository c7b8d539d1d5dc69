package dev.hench.collector.housekeeping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hench.collector.config.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code collector runs}: lists the runs retention will delete soon, or the quarantined files.
 * Reads only; takes no lock, so it also works while a collector owns the directory.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Lists runs in a runs directory: with --expiring the runs inside the "
                + "retention warning window and when each is deleted, with --quarantined the "
                + "files that match no known run-file schema.")
public final class RunsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HousekeepingOptions options;

    @Option(names = "--expiring", description = "Lists runs inside the warning window.")
    private boolean expiring;

    @Option(names = "--quarantined", description = "Lists files that match no known schema.")
    private boolean quarantined;

    @Option(names = "--json", description = "Prints JSON instead of text.")
    private boolean json;

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "Uses this ISO-8601 instant as the current time.")
    private Instant now;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (expiring == quarantined) {
            spec.commandLine().getErr().println("choose exactly one of --expiring and --quarantined");
            return HousekeepingCommand.EXIT_INVALID_SETTINGS;
        }
        HousekeepingSettings settings;
        try {
            settings = options.settings();
        } catch (ConfigException e) {
            e.problems().forEach(problem -> spec.commandLine().getErr()
                    .println("invalid setting: " + problem));
            return HousekeepingCommand.EXIT_INVALID_SETTINGS;
        }
        RunsListing listing = RunsListing.read(settings.runsDirectory(),
                now == null ? Instant.now() : now, settings);
        if (expiring) {
            printExpiring(listing, out);
        } else {
            printQuarantined(listing, out);
        }
        out.flush();
        return 0;
    }

    private void printExpiring(RunsListing listing, PrintWriter out) throws IOException {
        if (!json) {
            out.println(listing.expiring().size() + " runs inside the warning window");
            listing.expiring().forEach(run -> out.println(run.id() + " finished "
                    + run.finishedAt() + " deleted from " + run.deletionDue() + " " + run.file()));
            return;
        }
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (ExpiringRun run : listing.expiring()) {
            ObjectNode node = array.addObject();
            node.put("id", run.id());
            node.put("file", run.file().toString());
            node.put("finishedAt", run.finishedAt().toString());
            node.put("deletionDue", run.deletionDue().toString());
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
    }

    private void printQuarantined(RunsListing listing, PrintWriter out) throws IOException {
        if (!json) {
            listing.quarantined().forEach((file, problem) -> out.println(file + ": " + problem));
            return;
        }
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        listing.quarantined().forEach((file, problem) ->
                array.addObject().put("file", file.toString()).put("problem", problem));
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
    }
}
