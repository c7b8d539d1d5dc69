package dev.hench.collector.housekeeping;

import dev.hench.collector.config.ConfigException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code collector housekeeping}: archives and expires run files, once or on its schedule. */
@Command(name = "housekeeping", mixinStandardHelpOptions = true,
        description = "Archives and expires the run files in a runs directory and records their "
                + "token usage. With --once: one full pass, then exit. Without: on the "
                + "housekeeping.schedule until stopped. Exit codes: 0 done, 1 some files failed "
                + "(they stay in place), 2 invalid settings, 3 the directory is owned by "
                + "another collector.")
public final class HousekeepingCommand implements Callable<Integer> {

    static final int EXIT_FAILURES = 1;
    static final int EXIT_INVALID_SETTINGS = 2;
    static final int EXIT_LOCKED = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private HousekeepingOptions options;

    @Option(names = "--once", description = "Runs one full pass now and exits.")
    private boolean once;

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "Uses this ISO-8601 instant as the current time, for example "
                    + "2026-06-01T03:30:00Z (for tests and dry runs of future passes).")
    private Instant now;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (now != null && !once) {
            err.println("--now needs --once: a fixed clock never reaches the next scheduled pass");
            return EXIT_INVALID_SETTINGS;
        }
        HousekeepingSettings settings;
        try {
            settings = options.settings();
        } catch (ConfigException e) {
            e.problems().forEach(problem -> err.println("invalid setting: " + problem));
            return EXIT_INVALID_SETTINGS;
        }
        Clock clock = now == null ? Clock.systemDefaultZone() : Clock.fixed(now, ZoneOffset.UTC);
        try {
            return once ? runOnce(settings, clock) : runScheduled(settings, clock);
        } catch (RunsDirectoryLockedException e) {
            err.println(e.getMessage());
            return EXIT_LOCKED;
        }
    }

    private int runOnce(HousekeepingSettings settings, Clock clock) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (OwnedRunsDirectory owned = OwnedRunsDirectory.open(settings)) {
            int rebuilt = owned.recover();
            PassReport report = owned.pass(clock.instant(), true);
            new ExpiryAnnouncer(settings.schedule().zone()).announce(report);
            out.println("rebuilt archives: " + rebuilt);
            out.println("pass at " + report.now() + ": " + report);
            report.quarantined().forEach((file, problem) ->
                    out.println("quarantined " + file + ": " + problem));
            out.flush();
            return report.failures() == 0 ? 0 : EXIT_FAILURES;
        }
    }

    private int runScheduled(HousekeepingSettings settings, Clock clock)
            throws IOException, InterruptedException {
        Housekeeper housekeeper = new Housekeeper(settings, new SimpleMeterRegistry(), clock);
        housekeeper.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            housekeeper.stop();
            stopped.countDown();
        }, "hench-housekeeping-shutdown"));
        stopped.await();
        return 0;
    }
}
