package dev.hench.collector.budget;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real memory cgroup with a limit, created under the test JVM's own memory cgroup for one
 * test and removed by {@link #close()}. {@link #create} skips the test (JUnit assumption) with
 * the reason where the machine does not allow creating cgroups.
 */
public final class ChildMemoryCgroup implements AutoCloseable {

    private final CgroupVersion version;
    private final Path dir;
    private final String path;

    private ChildMemoryCgroup(CgroupVersion version, Path dir, String path) {
        this.version = version;
        this.dir = dir;
        this.path = path;
    }

    /** Creates the cgroup with {@code limitBytes} as its memory limit, or skips the test. */
    public static ChildMemoryCgroup create(long limitBytes) throws IOException {
        MemoryBudget own = new LinuxBudgetReader(Path.of("/"), null, false).read();
        assumeTrue(own.known() && own.cgroupVersion() != CgroupVersion.NONE,
                "no memory cgroup on this machine: " + own.unknownReasons() + own.notes());
        Path parent = Path.of(own.cgroupDir());
        assumeTrue(Files.isWritable(parent), "cannot create cgroups under " + parent
                + " (not root, or the cgroup file system is read-only)");
        String name = "hench-it-" + UUID.randomUUID().toString().substring(0, 8);
        Path dir = Files.createDirectory(parent.resolve(name));
        ChildMemoryCgroup cgroup = new ChildMemoryCgroup(own.cgroupVersion(), dir,
                ownPath(own.cgroupVersion()) + "/" + name);
        String limitFile = own.cgroupVersion() == CgroupVersion.V2
                ? "memory.max" : "memory.limit_in_bytes";
        Files.writeString(dir.resolve(limitFile), Long.toString(limitBytes));
        return cgroup;
    }

    /** Returns the directory, for example {@code /sys/fs/cgroup/memory/.../hench-it-1a2b3c4d}. */
    public Path dir() {
        return dir;
    }

    /** Returns the path that {@code /proc/PID/cgroup} prints for a process in this cgroup. */
    public String path() {
        return path;
    }

    public CgroupVersion version() {
        return version;
    }

    /**
     * Starts {@code command} inside this cgroup: a wrapper shell moves itself into the cgroup
     * and then replaces itself with the command, so the process starts there.
     */
    public ProcessBuilder processBuilder(Path scratchDir, List<String> command)
            throws IOException {
        Path wrapper = scratchDir.resolve("in-cgroup.sh");
        Files.writeString(wrapper, "#!/bin/sh\necho $$ > \"$1/cgroup.procs\"\nshift\n"
                + "exec \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        List<String> wrapped = new ArrayList<>(List.of(wrapper.toString(), dir.toString()));
        wrapped.addAll(command);
        return new ProcessBuilder(wrapped);
    }

    /** Removes the cgroup; every process in it must have exited. */
    @Override
    public void close() throws IOException {
        Files.delete(dir);
    }

    private static String ownPath(CgroupVersion version) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
            String[] fields = line.split(":", 3);
            boolean memoryLine = version == CgroupVersion.V1
                    ? List.of(fields[1].split(",")).contains("memory")
                    : fields[0].equals("0");
            if (memoryLine) {
                return fields[2].equals("/") ? "" : fields[2];
            }
        }
        throw new IOException("/proc/self/cgroup has no memory line for " + version.label());
    }
}
