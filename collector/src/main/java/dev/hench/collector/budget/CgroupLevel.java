package dev.hench.collector.budget;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The memory limit and working set of one cgroup directory.
 *
 * @param dir        the directory as the machine names it
 * @param limit      the limit at this level, or null when this level sets none
 * @param workingSet usage minus inactive file pages, or null when there is no usage file (the
 *                   root of a cgroup v2 hierarchy has none)
 */
public record CgroupLevel(String dir, Measured limit, Measured workingSet) {

    /**
     * v1 writes "no limit" as the largest page-aligned signed 64-bit value, which depends on the
     * page size: 9223372036854771712 for 4 KiB pages, ...759424 for 16 KiB, ...710272 for 64 KiB.
     * Any value at or above the host's total is treated as no limit as well, which covers these.
     */
    static final long V1_UNLIMITED_4K = 9223372036854771712L;

    /** Returns the headroom left under this level's limit, never negative. */
    long headroomBytes() {
        long used = workingSet == null ? 0 : workingSet.bytes();
        return Math.max(0, limit.bytes() - used);
    }

    static CgroupLevel read(MachineFiles files, CgroupVersion version, String dir,
            long hostTotalBytes) throws IOException {
        return version == CgroupVersion.V2
                ? readV2(files, dir, hostTotalBytes)
                : readV1(files, dir, hostTotalBytes);
    }

    private static CgroupLevel readV2(MachineFiles files, String dir, long hostTotalBytes)
            throws IOException {
        Measured limit = limitFrom(files.firstLine(dir + "/memory.max"), dir + "/memory.max",
                hostTotalBytes);
        KeyedNumbers stat = stat(files, dir);
        Measured workingSet = workingSet(files, dir + "/memory.current", stat,
                dir + "/memory.stat:inactive_file", "inactive_file");
        return new CgroupLevel(dir, limit, workingSet);
    }

    private static CgroupLevel readV1(MachineFiles files, String dir, long hostTotalBytes)
            throws IOException {
        String limitFile = dir + "/memory.limit_in_bytes";
        Measured limit = limitFrom(files.firstLine(limitFile), limitFile, hostTotalBytes);
        KeyedNumbers stat = stat(files, dir);
        OptionalLong hierarchical = stat.get("hierarchical_memory_limit");
        if (hierarchical.isPresent() && hierarchical.getAsLong() < hostTotalBytes
                && (limit == null || hierarchical.getAsLong() < limit.bytes())) {
            limit = new Measured(hierarchical.getAsLong(),
                    dir + "/memory.stat:hierarchical_memory_limit");
        }
        Measured workingSet = workingSet(files, dir + "/memory.usage_in_bytes", stat,
                dir + "/memory.stat:total_inactive_file", "total_inactive_file");
        return new CgroupLevel(dir, limit, workingSet);
    }

    private static KeyedNumbers stat(MachineFiles files, String dir) throws IOException {
        return KeyedNumbers.parse(files.lines(dir + "/memory.stat").orElse(List.of()));
    }

    /** Returns null for {@code max}, a missing file, the v1 sentinels and values >= host total. */
    private static Measured limitFrom(Optional<String> line, String source, long hostTotalBytes) {
        if (line.isEmpty() || line.get().equals("max") || line.get().isEmpty()) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(line.get());
        } catch (NumberFormatException e) {
            throw new BudgetUnavailableException(source + " contains '" + line.get()
                    + "', which is neither 'max' nor a byte count");
        }
        return bytes >= hostTotalBytes || bytes >= V1_UNLIMITED_4K ? null
                : new Measured(bytes, source);
    }

    private static Measured workingSet(MachineFiles files, String usageFile, KeyedNumbers stat,
            String inactiveSource, String inactiveKey) throws IOException {
        Optional<String> usageLine = files.firstLine(usageFile);
        if (usageLine.isEmpty()) {
            return null;
        }
        long usage = Long.parseLong(usageLine.get());
        OptionalLong inactive = stat.get(inactiveKey);
        if (inactive.isEmpty()) {
            return new Measured(usage, usageFile + " (no " + inactiveKey + " in memory.stat)");
        }
        return new Measured(Math.max(0, usage - inactive.getAsLong()),
                usageFile + " - " + inactiveSource);
    }
}
