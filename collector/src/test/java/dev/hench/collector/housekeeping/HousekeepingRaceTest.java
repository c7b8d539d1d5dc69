package dev.hench.collector.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.config.Settings;
import dev.hench.sample.runs.RunFileWriter;
import dev.hench.sample.runs.RunRecord;
import dev.hench.sample.runs.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers create, grow, rewrite and delete run files while housekeeping passes archive and expire
 * the same directory. Afterwards every run the writers kept must exist exactly once in the
 * expected form, and every finished run must be in the ledger once with its exact usage.
 */
class HousekeepingRaceTest {

    private static final Instant NOW = TestRuns.NOW;
    private static final int WRITERS = 3;
    private static final int RUNS_PER_WRITER = 40;
    private static final int TURN_CHARS = 20_000;
    private static final int[] AGES_DAYS = {1, 40, 200};

    @TempDir
    Path dir;

    private final Map<String, Expected> expected = new ConcurrentHashMap<>();

    /** What a writer did with one run. */
    private record Expected(RunRecord run, int ageDays, boolean deletedByWriter) {
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        Map<String, String> values = Map.of("runs.dir", dir.toString(),
                "housekeeping.maxReadMiBPerSecond", "0");
        HousekeepingSettings settings = HousekeepingSettings.from(Settings.of(values));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        AtomicBoolean writersDone = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        int passes;
        try (OwnedRunsDirectory owned = OwnedRunsDirectory.open(settings)) {
            Future<Integer> housekeeping = pool.submit(() -> {
                int count = 0;
                started.countDown();
                while (!writersDone.get()) {
                    owned.pass(NOW, true);
                    count++;
                }
                return count;
            });
            started.await();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    writeRuns(writer);
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            writersDone.set(true);
            passes = housekeeping.get();
            owned.recover();
            owned.pass(NOW, true);
            owned.pass(NOW, true);
        } finally {
            pool.shutdownNow();
        }

        assertThat(passes).isPositive();
        assertEveryRunExistsOnceAsExpected();
        assertLedgerCountsEachRunOnceExactly();
    }

    /**
     * Performs runs one after another like a worker. Meanwhile it rewrites the finished file of the
     * run two back and deletes the one three back, so housekeeping meets files that change or
     * vanish while it reads, archives or deletes them.
     */
    private void writeRuns(int writer) throws Exception {
        RunFileWriter files = new RunFileWriter(dir);
        SplittableRandom random = new SplittableRandom(writer);
        List<Expected> done = new ArrayList<>();
        for (int i = 0; i < RUNS_PER_WRITER; i++) {
            int ageDays = AGES_DAYS[random.nextInt(AGES_DAYS.length)];
            RunRecord finished = performRun(files, random, "w" + writer + "-" + i, ageDays);
            done.add(new Expected(finished, ageDays, false));
            if (i >= 2 && random.nextBoolean() && !done.get(i - 2).deletedByWriter()) {
                files.write(done.get(i - 2).run());
            }
            if (i >= 3 && random.nextInt(6) == 0) {
                Expected victim = done.get(i - 3);
                Files.deleteIfExists(files.pathOf(victim.run().id()));
                done.set(i - 3, new Expected(victim.run(), victim.ageDays(), true));
            }
        }
        done.forEach(run -> expected.put(run.run().id(), run));
    }

    private static RunRecord performRun(RunFileWriter files, SplittableRandom random, String id,
            int ageDays) throws Exception {
        Instant finishedAt = NOW.minus(Duration.ofDays(ageDays));
        RunRecord run = new RunRecord(2, id, "worker", "model", finishedAt.minusSeconds(60), null,
                RunStatus.RUNNING, 0, 0, random.nextBoolean() ? 7L : null, 3L, List.of());
        files.write(run);
        for (int turn = 0; turn < 3; turn++) {
            run = run.withTurn("turn " + turn + " " + "x".repeat(TURN_CHARS), 100 + turn, 10);
            files.write(run);
        }
        RunRecord finished = run.finish(finishedAt, RunStatus.SUCCEEDED);
        files.write(finished);
        return finished;
    }

    private void assertEveryRunExistsOnceAsExpected() throws Exception {
        RunFileReader reader = new RunFileReader(new ReadPacer(0));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(RunFileNames.TEMP_SUFFIX));
        }
        for (Expected run : expected.values()) {
            String id = run.run().id();
            Path source = dir.resolve(id + ".json");
            Path archive = dir.resolve(id + ".json.gz");
            if (run.ageDays() >= 180) {
                assertThat(source).as(id).doesNotExist();
                assertThat(archive).as(id).doesNotExist();
            } else if (run.deletedByWriter()) {
                assertThat(source).as(id).doesNotExist();
            } else if (run.ageDays() >= 30) {
                assertThat(source).as(id).doesNotExist();
                assertThat(reader.read(archive).summary().id()).as(id).isEqualTo(id);
            } else {
                assertThat(archive).as(id).doesNotExist();
                assertThat(reader.read(source).summary().id()).as(id).isEqualTo(id);
            }
        }
    }

    private void assertLedgerCountsEachRunOnceExactly() throws Exception {
        List<LedgerEntry> entries = UsageLedger.read(dir);
        Map<String, LedgerEntry> byId = entries.stream()
                .collect(Collectors.toMap(LedgerEntry::id, Function.identity()));
        assertThat(byId).hasSameSizeAs(entries);
        for (Expected run : expected.values()) {
            LedgerEntry entry = byId.get(run.run().id());
            if (entry == null) {
                assertThat(run.deletedByWriter()).as(run.run().id() + " missing from ledger")
                        .isTrue();
                continue;
            }
            RunRecord record = run.run();
            assertThat(entry.usage()).as(record.id()).isEqualTo(new TokenUsage(
                    record.inputTokens(), record.outputTokens(),
                    record.cacheCreationInputTokens(), record.cacheReadInputTokens()));
            assertThat(entry.finishedAt()).isEqualTo(record.finishedAt());
        }
    }
}
