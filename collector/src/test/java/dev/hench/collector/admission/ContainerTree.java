package dev.hench.collector.admission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A writable machine root for controller tests: a cgroup v2 container limited to 1 GiB on a
 * 16 GiB host, laid out like the {@code linux-cgv2-container-simple} case, whose usage the test
 * changes while a controller reads it.
 */
final class ContainerTree {

    static final long LIMIT_BYTES = 1L << 30;

    private final Path root;

    ContainerTree(Path root) {
        this.root = root;
        write("proc/meminfo", "MemTotal:       16777216 kB\nMemFree:         5242880 kB\n"
                + "MemAvailable:   12582912 kB\n");
        write("proc/self/mountinfo", "644 643 0:30 / /sys/fs/cgroup ro,nosuid,nodev,noexec,"
                + "relatime - cgroup2 cgroup rw,nsdelegate,memory_recursiveprot\n");
        write("proc/self/cgroup", "0::/\n");
        write("sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
        write("sys/fs/cgroup/memory.max", LIMIT_BYTES + "\n");
        write("sys/fs/cgroup/memory.stat", "anon 0\nfile 0\ninactive_file 0\n");
        useShare(0.1);
    }

    Path root() {
        return root;
    }

    /** Sets the working set to {@code share} of the limit. */
    void useShare(double share) {
        write("sys/fs/cgroup/memory.current", (long) Math.ceil(LIMIT_BYTES * share) + "\n");
    }

    void removeMeminfo() {
        try {
            Files.delete(root.resolve("proc/meminfo"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, content);
            // Replace atomically so that a reader never sees a half-written number.
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
