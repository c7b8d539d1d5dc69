package dev.hench.collector.budget;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Total and available memory of a Linux host, from {@code /proc/meminfo}.
 *
 * <p>Available is {@code MemAvailable}, the kernel's own estimate of what new programs can get
 * without swapping. Kernels before 3.14 lack it, and some report 0. Then it is estimated the way
 * the kernel computes it: free pages above the zones' low watermarks, plus the page cache and
 * reclaimable slab that can be dropped, each less what must stay to keep the watermark.
 * When the lines that estimate needs are missing, the fallback is {@code MemFree + Cached}.
 *
 * @param total     {@code MemTotal}
 * @param available {@code MemAvailable} or the estimate, with the formula as its source
 */
public record HostMemory(Measured total, Measured available) {

    static final String MEMINFO = "/proc/meminfo";
    static final String ZONEINFO = "/proc/zoneinfo";
    // NOTE: /proc/zoneinfo counts pages, and 4 KiB pages are assumed: the file omits the size.
    private static final long ZONEINFO_PAGE_BYTES = 4096;

    /**
     * Reads {@code /proc/meminfo} under the given machine.
     *
     * @throws BudgetUnavailableException when the file is missing or lacks {@code MemTotal}
     */
    static HostMemory read(MachineFiles files) throws IOException {
        Optional<List<String>> lines = files.lines(MEMINFO);
        if (lines.isEmpty()) {
            throw new BudgetUnavailableException(MEMINFO + " not found under " + files.root());
        }
        KeyedNumbers meminfo = KeyedNumbers.parse(lines.get());
        OptionalLong totalKib = meminfo.get("MemTotal");
        if (totalKib.isEmpty()) {
            throw new BudgetUnavailableException(MEMINFO + " has no MemTotal line");
        }
        Measured total = new Measured(totalKib.getAsLong() * 1024, MEMINFO + ":MemTotal");
        return new HostMemory(total, available(meminfo, files));
    }

    private static Measured available(KeyedNumbers meminfo, MachineFiles files) throws IOException {
        OptionalLong availableKib = meminfo.get("MemAvailable");
        if (availableKib.isPresent() && availableKib.getAsLong() > 0) {
            return new Measured(availableKib.getAsLong() * 1024, MEMINFO + ":MemAvailable");
        }
        long freeBytes = kib(meminfo, "MemFree");
        boolean hasReclaimLines = meminfo.has("Active(file)") && meminfo.has("Inactive(file)")
                && meminfo.has("SReclaimable");
        OptionalLong lowWatermarkBytes = hasReclaimLines ? lowWatermarkBytes(files)
                : OptionalLong.empty();
        if (lowWatermarkBytes.isEmpty()) {
            return new Measured(freeBytes + kib(meminfo, "Cached"),
                    MEMINFO + ":MemFree+Cached (no MemAvailable, no reclaim lines or zoneinfo)");
        }
        return estimate(meminfo, freeBytes, lowWatermarkBytes.getAsLong());
    }

    private static Measured estimate(KeyedNumbers meminfo, long freeBytes, long lowBytes) {
        long pageCacheBytes = kib(meminfo, "Active(file)") + kib(meminfo, "Inactive(file)");
        long slabBytes = kib(meminfo, "SReclaimable");
        long estimate = freeBytes - lowBytes
                + pageCacheBytes - Math.min(pageCacheBytes / 2, lowBytes)
                + slabBytes - Math.min(slabBytes / 2, lowBytes);
        return new Measured(Math.max(0, estimate), MEMINFO + ":MemFree+Active(file)"
                + "+Inactive(file)+SReclaimable-low watermarks of " + ZONEINFO
                + " (kernel-style estimate, no MemAvailable)");
    }

    private static long kib(KeyedNumbers meminfo, String key) {
        return meminfo.get(key).orElse(0) * 1024;
    }

    /** Sums the {@code low} watermark of every zone; empty when zoneinfo is missing. */
    private static OptionalLong lowWatermarkBytes(MachineFiles files) throws IOException {
        Optional<List<String>> lines = files.lines(ZONEINFO);
        if (lines.isEmpty()) {
            return OptionalLong.empty();
        }
        long pages = 0;
        for (String line : lines.get()) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 2 && fields[0].equals("low")) {
                pages += Long.parseLong(fields[1]);
            }
        }
        return OptionalLong.of(pages * ZONEINFO_PAGE_BYTES);
    }
}
