package dev.hench.sample.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadsTest {

    @TempDir
    Path dir;

    @Test
    void cyclesAndRunsAreRegistered() {
        assertThat(Workloads.names()).contains("cycles", "cycles-plain", "runs");
    }

    @Test
    void runsWorkloadWritesRequestedRuns() throws Exception {
        Workload runs = create("runs", "--runs", dir.toString(), "--count", "2", "--turns", "1");

        runs.run(Deadline.after(null));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSize(2);
        }
    }

    @Test
    void runsWorkloadNeedsDirectory() {
        assertThatThrownBy(() -> create("runs", "--count", "2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--runs");
    }

    @Test
    void cyclesStopAtDeadline() throws Exception {
        for (String name : List.of("cycles", "cycles-plain")) {
            Workload cycles = create(name, "--cycle-seconds", "0.2", "--data-mib", "1",
                    "--leak-mib-per-cycle", "0.1");

            cycles.run(Deadline.after(Duration.ofMillis(500)));
        }
    }

    @Test
    void cycleLengthBelowMinimumIsRejected() {
        assertThatThrownBy(() -> create("cycles-plain", "--cycle-seconds", "0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--cycle-seconds");
    }

    private static Workload create(String name, String... args) {
        WorkloadOptions options = WorkloadOptions.parse(List.of(args));
        Workload workload = Workloads.create(name, options);
        options.rejectUnread();
        return workload;
    }
}
