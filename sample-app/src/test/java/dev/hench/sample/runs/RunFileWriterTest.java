package dev.hench.sample.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileWriterTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static RunRecord running(int schema) {
        return new RunRecord(schema, "r1", "w", "m", START, null, RunStatus.RUNNING, 1, 2,
                schema == 2 ? 3L : null, null, List.of("a \"quoted\"\nline\\"));
    }

    @Test
    void versionTwoFileHasEveryField() throws Exception {
        Path file = new RunFileWriter(dir).write(running(2));
        assertThat(Files.readString(file)).isEqualTo("{\"schemaVersion\":2,\"id\":\"r1\","
                + "\"worker\":\"w\",\"model\":\"m\",\"startedAt\":\"2026-01-01T00:00:00Z\","
                + "\"finishedAt\":null,\"status\":\"running\",\"tokenUsage\":{\"input\":1,"
                + "\"output\":2,\"cacheCreationInput\":3},\"turns\":[{\"index\":0,"
                + "\"transcript\":\"a \\\"quoted\\\"\\u000aline\\\\\"}]}\n");
    }

    @Test
    void versionOneFileCountsTurns() throws Exception {
        Path file = new RunFileWriter(dir).write(running(1));
        assertThat(Files.readString(file)).contains("\"turns\":1}")
                .doesNotContain("cacheCreationInput");
    }

    @Test
    void rewriteReplacesFileAndLeavesNoTemporaryFiles() throws Exception {
        RunFileWriter writer = new RunFileWriter(dir);
        RunRecord run = running(2);
        writer.write(run);
        Path file = writer.write(run.withTurn("b", 5, 5).finish(START.plusSeconds(60),
                RunStatus.SUCCEEDED));
        assertThat(Files.readString(file)).contains("\"status\":\"succeeded\"")
                .contains("\"finishedAt\":\"2026-01-01T00:01:00Z\"").contains("\"input\":6");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void finishedRunNeedsFinalStatus() {
        assertThatThrownBy(() -> running(2).finish(START, RunStatus.RUNNING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunRecord(3, "r", "w", "m", START, null, RunStatus.RUNNING,
                0, 0, null, null, List.of())).hasMessageContaining("schemaVersion was 3");
    }

    @Test
    void generatorWritesRunsOfRequestedSizeAndDates() throws Exception {
        Instant oldest = START;
        Instant newest = START.plus(Duration.ofDays(10));
        List<RunRecord> runs = new RunsDirectoryGenerator(dir, 1).schemaOneEvery(2)
                .finishedRuns(3, 64 * 1024, oldest, newest);
        assertThat(runs).extracting(RunRecord::finishedAt)
                .containsExactly(oldest, START.plus(Duration.ofDays(5)), newest);
        assertThat(runs).extracting(RunRecord::schemaVersion).containsExactly(1, 2, 1);
        long size = Files.size(dir.resolve(runs.get(1).id() + ".json"));
        assertThat(size).isBetween(64L * 1024, 80L * 1024);
    }
}
