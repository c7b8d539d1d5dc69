package dev.hench.collector.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creates a real child memory cgroup with a 512 MiB limit under this JVM's own memory cgroup,
 * starts a JVM inside it, and checks that the budget reader pointed at that cgroup and the
 * JDK's own container support in the child both see the limit. Skips, saying why, where
 * cgroups cannot be created (not root, read-only cgroup file system, no memory controller).
 */
class CgroupLimitIT {

    private static final long LIMIT_BYTES = 512L << 20;
    private static final int HELD_MIB = 64;

    @TempDir
    Path temp;

    @Test
    void readerAndChildJvmSeeChildLimit() throws Exception {
        MemoryBudget own = new LinuxBudgetReader(Path.of("/"), null, false).read();
        assumeTrue(own.known() && own.cgroupVersion() != CgroupVersion.NONE,
                "no memory cgroup on this machine: " + own.unknownReasons() + own.notes());
        Path parent = Path.of(own.cgroupDir());
        assumeTrue(Files.isWritable(parent), "cannot create cgroups under " + parent
                + " (not root, or the cgroup file system is read-only)");
        String name = "hench-it-" + UUID.randomUUID().toString().substring(0, 8);
        Path child = parent.resolve(name);
        Files.createDirectory(child);
        Process worker = null;
        try {
            writeLimit(own.cgroupVersion(), child);
            worker = startInCgroup(child);
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
            String total = lines.readLine();
            String ready = lines.readLine();
            assertThat(ready).as("child JVM output").isEqualTo("ready " + HELD_MIB);

            String childPath = cgroupPathOf(own, child);
            MemoryBudget budget = new LinuxBudgetReader(Path.of("/"), childPath, false).read();

            assertThat(budget.cgroupDir()).isEqualTo(child.toString());
            assertThat(budget.limit().bytes()).isEqualTo(LIMIT_BYTES);
            assertThat(budget.limitingCgroupDir()).isEqualTo(child.toString());
            assertThat(budget.workingSet().bytes()).isGreaterThan((long) HELD_MIB << 20);
            assertThat(budget.available().bytes())
                    .isEqualTo(LIMIT_BYTES - budget.workingSet().bytes());
            assertThat(total).as("the child JDK's OperatingSystemMXBean total")
                    .isEqualTo("totalMemorySize=" + LIMIT_BYTES);
        } finally {
            if (worker != null) {
                worker.destroyForcibly();
                worker.waitFor(30, TimeUnit.SECONDS);
            }
            Files.delete(child);
        }
    }

    private static void writeLimit(CgroupVersion version, Path child) throws IOException {
        String file = version == CgroupVersion.V2 ? "memory.max" : "memory.limit_in_bytes";
        Files.writeString(child.resolve(file), Long.toString(LIMIT_BYTES));
    }

    /** Returns the path /proc/PID/cgroup would print for {@code child}. */
    private static String cgroupPathOf(MemoryBudget own, Path child) throws IOException {
        String selfPath = "";
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] fields = line.split(":", 3);
            boolean memoryLine = own.cgroupVersion() == CgroupVersion.V1
                    ? List.of(fields[1].split(",")).contains("memory")
                    : fields[0].equals("0");
            if (memoryLine) {
                selfPath = fields[2].equals("/") ? "" : fields[2];
            }
        }
        return selfPath + "/" + child.getFileName();
    }

    private Process startInCgroup(Path cgroup) throws IOException {
        Path wrapper = temp.resolve("in-cgroup.sh");
        Files.writeString(wrapper, "#!/bin/sh\n# Move this shell into the cgroup, then become "
                + "the JVM so that it starts there.\necho $$ > \"$1/cgroup.procs\"\nshift\n"
                + "exec \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        List<String> command = new ArrayList<>(List.of(wrapper.toString(), cgroup.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                HoldMemory.class.getName(), Integer.toString(HELD_MIB)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
