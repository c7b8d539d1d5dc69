package dev.hench.collector.housekeeping;

import dev.hench.sample.runs.RunFileWriter;
import dev.hench.sample.runs.RunRecord;
import dev.hench.sample.runs.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds run records and writes them with the sample workers' own writer. */
final class TestRuns {

    static final Instant NOW = Instant.parse("2026-06-15T03:30:00Z");

    private TestRuns() {
    }

    static RunRecord finished(String id, Instant finishedAt) {
        return new RunRecord(2, id, "worker-1", "model-small",
                finishedAt.minus(Duration.ofMinutes(5)), finishedAt, RunStatus.SUCCEEDED,
                1_000, 200, 30L, 400L, List.of("first turn", "second turn"));
    }

    static RunRecord finishedDaysAgo(String id, int days) {
        return finished(id, NOW.minus(Duration.ofDays(days)));
    }

    static RunRecord running(String id, Instant startedAt) {
        return new RunRecord(2, id, "worker-1", "model-small", startedAt, null, RunStatus.RUNNING,
                10, 2, null, null, List.of("turn"));
    }

    static Path write(Path directory, RunRecord run) throws IOException {
        return new RunFileWriter(directory).write(run);
    }
}
