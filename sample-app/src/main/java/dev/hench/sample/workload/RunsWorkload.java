package dev.hench.sample.workload;

import dev.hench.sample.runs.RunFileWriter;
import dev.hench.sample.runs.RunRecord;
import dev.hench.sample.runs.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code runs} workload: performs {@code count} runs one after another and keeps each run's
 * file up to date the way a real worker does. It writes the file as running, rewrites it after
 * every turn and rewrites it once more when the run finishes.
 *
 * <p>Arguments: {@code --runs DIR [--count N] [--turns N] [--turn-chars N] [--worker NAME]}.
 */
public final class RunsWorkload {

    private final RunFileWriter writer;
    private final Clock clock;
    private final String worker;
    private final SplittableRandom random = new SplittableRandom();

    public RunsWorkload(Path runsDirectory, Clock clock, String worker) {
        this.writer = new RunFileWriter(runsDirectory);
        this.clock = clock;
        this.worker = worker;
    }

    /** Performs one run of {@code turns} turns of about {@code turnChars} characters each. */
    public RunRecord performRun(String runId, int turns, int turnChars) throws IOException {
        RunRecord run = new RunRecord(2, runId, worker, "model-small", clock.instant(), null,
                RunStatus.RUNNING, 0, 0, 0L, 0L, List.of());
        writer.write(run);
        for (int t = 0; t < turns; t++) {
            run = run.withTurn("turn " + t + " " + "x".repeat(Math.max(0, turnChars - 8)),
                    1_000 + random.nextInt(5_000), 100 + random.nextInt(1_000));
            writer.write(run);
        }
        RunRecord finished = run.finish(clock.instant(), RunStatus.SUCCEEDED);
        writer.write(finished);
        return finished;
    }

    public static void main(String[] args) throws IOException {
        Arguments parsed = Arguments.parse(args);
        Files.createDirectories(parsed.runs);
        RunsWorkload workload = new RunsWorkload(parsed.runs, Clock.systemUTC(), parsed.worker);
        for (int i = 0; i < parsed.count; i++) {
            String id = parsed.worker + "-" + System.currentTimeMillis() + "-" + i;
            workload.performRun(id, parsed.turns, parsed.turnChars);
        }
        System.out.println("runs workload wrote " + parsed.count + " runs to " + parsed.runs);
    }

    private record Arguments(Path runs, int count, int turns, int turnChars, String worker) {

        static Arguments parse(String[] args) {
            Path runs = null;
            int count = 10;
            int turns = 5;
            int turnChars = 4096;
            String worker = "sample-worker";
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--runs" -> runs = Path.of(args[i + 1]);
                    case "--count" -> count = positive(args[i], args[i + 1]);
                    case "--turns" -> turns = positive(args[i], args[i + 1]);
                    case "--turn-chars" -> turnChars = positive(args[i], args[i + 1]);
                    case "--worker" -> worker = args[i + 1];
                    default -> throw new IllegalArgumentException("unknown option '" + args[i]
                            + "'; expected --runs, --count, --turns, --turn-chars or --worker");
                }
            }
            if (runs == null || args.length % 2 != 0) {
                throw new IllegalArgumentException("--runs DIR is required and every option "
                        + "needs a value, for example: --runs /tmp/runs --count 10");
            }
            return new Arguments(runs, count, turns, turnChars, worker);
        }

        private static int positive(String option, String value) {
            String allowed = option + " was '" + value + "' but must be a whole number of at least 1";
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(allowed, e);
            }
            if (parsed < 1) {
                throw new IllegalArgumentException(allowed);
            }
            return parsed;
        }
    }
}
