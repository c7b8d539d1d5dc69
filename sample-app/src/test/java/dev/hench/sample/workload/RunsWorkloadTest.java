package dev.hench.sample.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.sample.runs.RunRecord;
import dev.hench.sample.runs.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsWorkloadTest {

    @TempDir
    Path dir;

    @Test
    void runEndsAsFinishedFileWithAllTurns() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
        RunRecord run = new RunsWorkload(dir, clock, "w1").performRun("r1", 4, 100);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.turns()).hasSize(4);
        String json = Files.readString(dir.resolve("r1.json"));
        assertThat(json).contains("\"status\":\"succeeded\"").contains("\"index\":3");
    }

    @Test
    void mainWritesRequestedRunCount() throws Exception {
        RunsWorkload.main(new String[] {"--runs", dir.toString(), "--count", "3", "--turns", "2"});
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSize(3);
        }
    }
}
