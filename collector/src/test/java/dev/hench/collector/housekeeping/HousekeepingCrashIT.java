package dev.hench.collector.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.hench.sample.runs.RunRecord;
import dev.hench.sample.runs.RunsDirectoryGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills the real collector process with SIGKILL at named points of archival, retention and the
 * ledger append, and at random moments. After a restart, every run must exist exactly once (or
 * be properly expired) and the ledger totals must be exact.
 */
class HousekeepingCrashIT {

    private static final Instant NOW = Instant.parse("2026-06-15T03:30:00Z");
    private static final Duration MARKER_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path template;

    private static List<RunRecord> finishedRuns;
    private static List<RunRecord> runningRuns;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateRuns() throws IOException {
        RunsDirectoryGenerator generator = new RunsDirectoryGenerator(template, 7).schemaOneEvery(4);
        finishedRuns = generator.finishedRuns(24, 48 * 1024, NOW.minus(Duration.ofDays(240)),
                NOW.minus(Duration.ofDays(1)));
        runningRuns = generator.runningRuns(2, NOW.minus(Duration.ofDays(365)), 8 * 1024);
    }

    private void copyTemplate() throws IOException {
        try (Stream<Path> files = Files.list(template)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "archive.tempWritten:1", "archive.tempWritten:4", "archive.renamed:1",
        "archive.renamed:5", "retention.beforeDelete:1", "retention.beforeDelete:3",
        "ledger.halfLine:1", "ledger.halfLine:10"})
    void killAtPointKeepsEveryRunOnce(String pausePoint) throws Exception {
        copyTemplate();

        assertThat(killAt(pausePoint)).as("first kill reached " + pausePoint).isTrue();
        killAt(secondPoint(pausePoint));
        assertThat(runToEnd()).isZero();

        assertRunsExistOnceOrExpired();
        assertLedgerExact();
    }

    @Test
    void randomKillsKeepEveryRunOnce() throws Exception {
        copyTemplate();
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int i = 0; i < 3; i++) {
            Process process = start(null);
            boolean exited = process.waitFor(300 + random.nextInt(900), TimeUnit.MILLISECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor();
            }
        }
        assertThat(runToEnd()).isZero();

        assertRunsExistOnceOrExpired();
        assertLedgerExact();
    }

    /** Returns a different point for the second kill, so restarts are also interrupted. */
    private static String secondPoint(String first) {
        return first.startsWith("archive") ? "retention.beforeDelete:1" : "archive.renamed:1";
    }

    /** Starts a pass that pauses at {@code pausePoint}, kills it there, returns whether it got there. */
    private boolean killAt(String pausePoint) throws Exception {
        Process process = start(pausePoint);
        CompletableFuture<Boolean> paused = watchFor(process,
                CrashPoints.MARKER + pausePoint.substring(0, pausePoint.indexOf(':')));
        Boolean reached = paused.get(MARKER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        // A point can be unreachable once earlier runs did the work; then the pass just ends.
        if (reached) {
            process.destroyForcibly();
        }
        process.waitFor(MARKER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return reached;
    }

    private int runToEnd() throws Exception {
        Process process = start(null);
        watchFor(process, "no marker");
        assertThat(process.waitFor(MARKER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private Process start(String pausePoint) throws IOException {
        String jar = System.getProperty("hench.collector.jar");
        assumeThat(jar).as("system property hench.collector.jar (set by the failsafe plugin)")
                .isNotNull();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (pausePoint != null) {
            command.add("-D" + CrashPoints.PROPERTY + "=" + pausePoint);
        }
        command.addAll(List.of("-jar", jar, "housekeeping", "--runs", dir.toString(), "--once",
                "--now", NOW.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Completes with true when {@code marker} appears in the output, false at its end. */
    private static CompletableFuture<Boolean> watchFor(Process process, String marker) {
        return CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.equals(marker)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private void assertRunsExistOnceOrExpired() throws Exception {
        RunFileReader reader = new RunFileReader(new ReadPacer(0));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(RunFileNames.TEMP_SUFFIX));
        }
        for (RunRecord run : finishedRuns) {
            Path source = dir.resolve(run.id() + ".json");
            Path archive = dir.resolve(run.id() + ".json.gz");
            long ageDays = Duration.between(run.finishedAt(), NOW).toDays();
            if (ageDays >= 180) {
                assertThat(source).as(run.id()).doesNotExist();
                assertThat(archive).as(run.id()).doesNotExist();
            } else if (ageDays >= 30) {
                assertThat(source).as(run.id()).doesNotExist();
                assertThat(reader.read(archive).summary().id()).isEqualTo(run.id());
            } else {
                assertThat(archive).as(run.id()).doesNotExist();
                assertThat(reader.read(source).summary().id()).isEqualTo(run.id());
            }
        }
        for (RunRecord run : runningRuns) {
            assertThat(dir.resolve(run.id() + ".json")).exists();
        }
    }

    private void assertLedgerExact() throws Exception {
        List<LedgerEntry> entries = UsageLedger.read(dir);
        Map<String, LedgerEntry> byId = entries.stream()
                .collect(Collectors.toMap(LedgerEntry::id, Function.identity()));
        assertThat(byId).hasSameSizeAs(entries);
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(
                finishedRuns.stream().map(RunRecord::id).toList());
        long input = 0;
        long output = 0;
        for (RunRecord run : finishedRuns) {
            assertThat(byId.get(run.id()).usage()).as(run.id()).isEqualTo(new TokenUsage(
                    run.inputTokens(), run.outputTokens(), run.cacheCreationInputTokens(),
                    run.cacheReadInputTokens()));
            input += run.inputTokens();
            output += run.outputTokens();
        }
        UsageTotals totals = UsageTotals.of(entries);
        assertThat(totals.getLifetime().getInput()).isEqualTo(input);
        assertThat(totals.getLifetime().getOutput()).isEqualTo(output);
    }
}
