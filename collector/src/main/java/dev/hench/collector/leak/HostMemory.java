package dev.hench.collector.leak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The host's total memory, the effective memory limit for native growth until a cgroup-aware
 * limit is supplied. Read once: it does not change while the collector runs.
 */
public final class HostMemory {

    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private HostMemory() {
    }

    /** Returns MemTotal from /proc/meminfo, else the JVM's view of physical memory. */
    public static long totalBytes() {
        try {
            if (Files.isReadable(MEMINFO)) {
                return parseMemTotal(Files.readAllLines(MEMINFO));
            }
        } catch (IOException | NumberFormatException e) {
            // Falls through to the JVM's view, which is right on every platform but slower.
            return physicalFromJvm();
        }
        return physicalFromJvm();
    }

    static long parseMemTotal(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring(9).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024L;
            }
        }
        throw new NumberFormatException("no MemTotal line in /proc/meminfo");
    }

    private static long physicalFromJvm() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize();
        }
        return Long.MAX_VALUE;
    }
}
