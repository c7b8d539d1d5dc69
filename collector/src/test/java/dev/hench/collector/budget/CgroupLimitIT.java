package dev.hench.collector.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creates a real child memory cgroup with a 512 MiB limit under this JVM's own memory cgroup
 * and starts a JVM inside it. Checks that the budget reader pointed at that cgroup and the
 * JDK's own container support in the child both report the limit. Skips, saying why, where
 * cgroups cannot be created (not root, read-only cgroup file system, no memory controller).
 */
class CgroupLimitIT {

    private static final long LIMIT_BYTES = 512L << 20;
    private static final int HELD_MIB = 64;

    @TempDir
    Path temp;

    @Test
    void readerAndChildJvmSeeChildLimit() throws Exception {
        try (ChildMemoryCgroup cgroup = ChildMemoryCgroup.create(LIMIT_BYTES)) {
            Process worker = cgroup.processBuilder(temp, List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    HoldMemory.class.getName(), Integer.toString(HELD_MIB)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                BufferedReader lines = new BufferedReader(
                        new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
                String total = lines.readLine();
                assertThat(lines.readLine()).as("child JVM output").isEqualTo("ready " + HELD_MIB);

                MemoryBudget budget = new LinuxBudgetReader(Path.of("/"), cgroup.path(), false)
                        .read();

                String dir = cgroup.dir().toString();
                assertThat(budget.cgroupDir()).isEqualTo(dir);
                assertThat(budget.limit().bytes()).isEqualTo(LIMIT_BYTES);
                assertThat(budget.limitingCgroupDir()).isEqualTo(dir);
                assertThat(budget.workingSet().bytes()).isGreaterThan((long) HELD_MIB << 20);
                assertThat(budget.available().bytes())
                        .isEqualTo(LIMIT_BYTES - budget.workingSet().bytes());
                assertThat(total).as("the child JDK's OperatingSystemMXBean total")
                        .isEqualTo("totalMemorySize=" + LIMIT_BYTES);
            } finally {
                worker.destroyForcibly();
                worker.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
