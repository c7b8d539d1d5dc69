package dev.hench.sample.workload;

import dev.hench.sample.runs.RunFileWriter;
import dev.hench.sample.runs.RunRecord;
import dev.hench.sample.runs.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * <p>Arguments: {@code --runs DIR [--count N] [--turns N] [--turn-chars N] [--worker NAME]}, the
 * same for {@link #main(String[])} and for {@code SampleWorker runs}. Defaults: 10 runs of 5
 * turns of 4096 characters, worker {@code sample-worker}.
 */
public final class RunsWorkload implements Workload {

    private static final int DEFAULT_COUNT = 10;
    private static final int DEFAULT_TURNS = 5;
    private static final int DEFAULT_TURN_CHARS = 4096;
    private static final String DEFAULT_WORKER = "sample-worker";

    private final Path runsDirectory;
    private final RunFileWriter writer;
    private final Clock clock;
    private final String worker;
    private final SplittableRandom random = new SplittableRandom();
    private int count = DEFAULT_COUNT;
    private int turns = DEFAULT_TURNS;
    private int turnChars = DEFAULT_TURN_CHARS;

    public RunsWorkload(Path runsDirectory, Clock clock, String worker) {
        this.runsDirectory = runsDirectory;
        this.writer = new RunFileWriter(runsDirectory);
        this.clock = clock;
        this.worker = worker;
    }

    /**
     * Creates the workload from {@code SampleWorker} options.
     *
     * @throws IllegalArgumentException when {@code --runs} is missing or a number is invalid
     */
    public RunsWorkload(WorkloadOptions options) {
        this(requiredDirectory(options), Clock.systemUTC(), options.text("worker", DEFAULT_WORKER));
        this.count = (int) options.number("count", DEFAULT_COUNT, 1, Integer.MAX_VALUE);
        this.turns = (int) options.number("turns", DEFAULT_TURNS, 1, Integer.MAX_VALUE);
        this.turnChars = (int) options.number("turn-chars", DEFAULT_TURN_CHARS, 1, Integer.MAX_VALUE);
    }

    private static Path requiredDirectory(WorkloadOptions options) {
        String runs = options.text("runs", null);
        if (runs == null) {
            throw new IllegalArgumentException("--runs DIR is missing: the directory to write run files to, "
                    + "for example --runs /tmp/runs");
        }
        return Path.of(runs);
    }

    /** Performs the configured number of runs, or fewer when {@code deadline} passes first. */
    @Override
    public void run(Deadline deadline) {
        try {
            Files.createDirectories(runsDirectory);
            int done = 0;
            while (done < count && !deadline.passed()) {
                performRun(worker + "-" + System.currentTimeMillis() + "-" + done, turns, turnChars);
                done++;
            }
            System.out.println("runs workload wrote " + done + " runs to " + runsDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("writing run files to " + runsDirectory + " failed", e);
        }
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
            int count = DEFAULT_COUNT;
            int turns = DEFAULT_TURNS;
            int turnChars = DEFAULT_TURN_CHARS;
            String worker = DEFAULT_WORKER;
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
