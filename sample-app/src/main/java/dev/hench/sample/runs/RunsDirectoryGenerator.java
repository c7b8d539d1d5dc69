package dev.hench.sample.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills a runs directory with finished runs whose {@code finishedAt} is spread evenly over a
 * chosen interval, for tests and benchmarks (for example 2 GB of runs aged 0 to 200 days).
 *
 * <p>Deterministic for a given seed. Not thread-safe.
 */
public final class RunsDirectoryGenerator {

    private static final int TURN_CHARS = 8 * 1024;
    private static final Duration RUN_LENGTH = Duration.ofMinutes(20);
    private static final String[] MODELS = {"model-large", "model-small"};

    private final RunFileWriter writer;
    private final SplittableRandom random;
    private int schemaOneEvery = 0;

    public RunsDirectoryGenerator(Path runsDirectory, long seed) throws IOException {
        Files.createDirectories(runsDirectory);
        this.writer = new RunFileWriter(runsDirectory);
        this.random = new SplittableRandom(seed);
    }

    /** Writes every {@code n}-th run in schema version 1; 0 (the default) writes only version 2. */
    public RunsDirectoryGenerator schemaOneEvery(int n) {
        this.schemaOneEvery = n;
        return this;
    }

    /**
     * Writes {@code count} finished runs of about {@code bytesPerRun} bytes each, finished between
     * {@code oldest} and {@code newest}.
     *
     * @return the runs written, with their turn texts dropped to save memory
     */
    public List<RunRecord> finishedRuns(int count, long bytesPerRun, Instant oldest, Instant newest)
            throws IOException {
        List<RunRecord> written = new ArrayList<>(count);
        Duration span = Duration.between(oldest, newest);
        for (int i = 0; i < count; i++) {
            Instant finishedAt = count == 1 ? oldest
                    : oldest.plus(span.multipliedBy(i).dividedBy(count - 1));
            int schema = schemaOneEvery > 0 && i % schemaOneEvery == 0 ? 1 : 2;
            RunRecord run = newRun(schema, finishedAt.minus(RUN_LENGTH), bytesPerRun)
                    .finish(finishedAt, pickStatus());
            writer.write(run);
            written.add(withoutTranscripts(run));
        }
        return written;
    }

    /** Writes {@code count} runs that are still running, started at {@code startedAt}. */
    public List<RunRecord> runningRuns(int count, Instant startedAt, long bytesPerRun)
            throws IOException {
        List<RunRecord> written = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RunRecord run = newRun(2, startedAt, bytesPerRun);
            writer.write(run);
            written.add(withoutTranscripts(run));
        }
        return written;
    }

    private RunRecord newRun(int schema, Instant startedAt, long bytesPerRun) {
        String id = "run-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        String worker = "worker-" + random.nextInt(4);
        String model = MODELS[random.nextInt(MODELS.length)];
        Long cacheCreation = schema == 2 && random.nextInt(4) != 0 ? random.nextLong(50_000) : null;
        Long cacheRead = schema == 2 ? random.nextLong(500_000) : null;
        RunRecord run = new RunRecord(schema, id, worker, model, startedAt, null, RunStatus.RUNNING,
                0, 0, cacheCreation, cacheRead, List.of());
        long turnCount = Math.max(1, bytesPerRun / TURN_CHARS);
        List<String> turns = new ArrayList<>();
        long input = 0;
        long output = 0;
        for (long t = 0; t < turnCount; t++) {
            turns.add(TranscriptText.generate(random, TURN_CHARS));
            input += 1_000 + random.nextInt(9_000);
            output += 100 + random.nextInt(2_000);
        }
        return new RunRecord(schema, id, worker, model, startedAt, null, RunStatus.RUNNING,
                input, output, run.cacheCreationInputTokens(), run.cacheReadInputTokens(), turns);
    }

    private RunStatus pickStatus() {
        int roll = random.nextInt(10);
        if (roll < 8) {
            return RunStatus.SUCCEEDED;
        }
        return roll == 8 ? RunStatus.FAILED : RunStatus.CANCELLED;
    }

    private static RunRecord withoutTranscripts(RunRecord run) {
        return new RunRecord(run.schemaVersion(), run.id(), run.worker(), run.model(),
                run.startedAt(), run.finishedAt(), run.status(), run.inputTokens(),
                run.outputTokens(), run.cacheCreationInputTokens(), run.cacheReadInputTokens(),
                List.of());
    }

    /**
     * Generates a runs directory from the command line:
     * {@code DIR COUNT BYTES_PER_RUN OLDEST_DAYS_AGO NEWEST_DAYS_AGO}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: RunsDirectoryGenerator DIR COUNT BYTES_PER_RUN "
                    + "OLDEST_DAYS_AGO NEWEST_DAYS_AGO");
            System.exit(2);
        }
        Instant now = Instant.now();
        new RunsDirectoryGenerator(Path.of(args[0]), 42).finishedRuns(Integer.parseInt(args[1]),
                Long.parseLong(args[2]), now.minus(Duration.ofDays(Long.parseLong(args[3]))),
                now.minus(Duration.ofDays(Long.parseLong(args[4]))));
    }
}
