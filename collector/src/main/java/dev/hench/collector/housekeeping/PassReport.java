package dev.hench.collector.housekeeping;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts and lists from one housekeeping pass, filled by the pass and read after it returns. */
public final class PassReport {

    final Instant now;
    final boolean full;
    int runsSeen;
    int running;
    int newlyRecorded;
    int archived;
    long archivedSourceBytes;
    long archivedCompressedBytes;
    int deleted;
    int skipped;
    int failures;
    int duplicateIds;
    /** The run file (or the source name of an archive) where this pass first saw each run id. */
    final Map<String, Path> fileByRunId = new HashMap<>();
    final Map<Path, String> quarantined = new TreeMap<>();
    final List<ExpiringRun> expiring = new ArrayList<>();

    PassReport(Instant now, boolean full) {
        this.now = now;
        this.full = full;
    }

    public Instant now() {
        return now;
    }

    public int runsSeen() {
        return runsSeen;
    }

    public int running() {
        return running;
    }

    /** Returns how many finished runs this pass added to the usage ledger. */
    public int newlyRecorded() {
        return newlyRecorded;
    }

    public int archived() {
        return archived;
    }

    public long archivedSourceBytes() {
        return archivedSourceBytes;
    }

    public long archivedCompressedBytes() {
        return archivedCompressedBytes;
    }

    /** Returns how many files (runs or archives) retention deleted. */
    public int deleted() {
        return deleted;
    }

    /** Returns how many operations were skipped because their file vanished or changed. */
    public int skipped() {
        return skipped;
    }

    public int failures() {
        return failures;
    }

    /**
     * Returns how many run files carried a run id that another file in the directory already
     * had. The usage ledger counts only the first, so their usage is missing from the totals.
     */
    public int duplicateIds() {
        return duplicateIds;
    }

    public Map<Path, String> quarantined() {
        return Map.copyOf(quarantined);
    }

    public List<ExpiringRun> expiring() {
        return List.copyOf(expiring);
    }

    @Override
    public String toString() {
        return "seen=" + runsSeen + " running=" + running + " newlyRecorded=" + newlyRecorded
                + " archived=" + archived + " (" + archivedSourceBytes + " -> "
                + archivedCompressedBytes + " bytes) deleted=" + deleted + " skipped=" + skipped
                + " failures=" + failures + " quarantined=" + quarantined.size() + " expiring="
                + expiring.size() + " duplicateIds=" + duplicateIds;
    }
}
