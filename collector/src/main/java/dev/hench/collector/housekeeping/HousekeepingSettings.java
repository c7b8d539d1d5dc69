package dev.hench.collector.housekeeping;

import dev.hench.collector.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Housekeeping configuration, read from {@link Settings} by {@link #from(Settings)}.
 *
 * @param runsDirectory null when {@code runs.dir} is not set, which turns housekeeping off
 * @param archivalGzipLevel deflate level of archives, 1 (fastest) to 9 (smallest)
 * @param maxReadMiBPerSecond limit on the run-file bytes housekeeping reads per second, counting
 *     parsing, compressing and verifying (each archived byte is read about three times); 0 means
 *     no limit
 * @param ledgerScanInterval how often runs that finished since the last pass are recorded in the
 *     usage ledger, between the daily passes
 */
public record HousekeepingSettings(
        Path runsDirectory,
        boolean archivalEnabled,
        int archivalMaxAgeDays,
        int archivalGzipLevel,
        boolean retentionEnabled,
        int retentionMaxAgeDays,
        int warningDays,
        WallClockSchedule schedule,
        int maxReadMiBPerSecond,
        Duration ledgerScanInterval) {

    /** What {@code runs.dir} must be, for error messages. */
    static final String RUNS_DIRECTORY_ALLOWED = "must be an existing directory: the one the "
            + "workers write their run files to";

    /** Rough share of its size that gzip saves on a JSON transcript; used only for warnings. */
    static final double TYPICAL_GZIP_SAVING = 0.75;

    /**
     * Reads the housekeeping keys from {@code settings}, recording every invalid value and every
     * contradiction between keys as a problem there and likely mistakes as warnings. Call
     * {@link Settings#validate()} afterwards.
     */
    public static HousekeepingSettings from(Settings settings) {
        String runs = settings.string("runs.dir", null);
        Path runsDirectory = runs == null || runs.isBlank() ? null : Path.of(runs.trim());
        if (runsDirectory != null && !Files.isDirectory(runsDirectory)) {
            settings.problem("runs.dir", runs, RUNS_DIRECTORY_ALLOWED);
        }
        boolean archival = settings.bool("archival.enabled", true);
        int archivalDays = (int) settings.integer("archival.maxAgeDays", 30, 1, 36_500);
        int gzipLevel = (int) settings.integer("archival.gzipLevel", 1, 1, 9);
        boolean retention = settings.bool("retention.enabled", true);
        int retentionDays = (int) settings.integer("retention.maxAgeDays", 180, 1, 36_500);
        int warningDays = (int) settings.integer("retention.warningDays", 30, 0, 36_500);
        ZoneId zone = zone(settings);
        List<LocalTime> times = times(settings);
        int maxRead = (int) settings.integer("housekeeping.maxReadMiBPerSecond", 8, 0, 100_000);
        Duration scan = settings.duration("housekeeping.ledgerScanInterval", Duration.ofMinutes(10),
                Duration.ofSeconds(1), Duration.ofDays(1));
        HousekeepingSettings result = new HousekeepingSettings(runsDirectory, archival,
                archivalDays, gzipLevel, retention, retentionDays, warningDays,
                new WallClockSchedule(times, zone), maxRead, scan);
        result.crossCheck(settings);
        return result;
    }

    /** Returns when retention deletes a run that finished at {@code finishedAt}. */
    public Instant deletionDue(Instant finishedAt) {
        return finishedAt.plus(Duration.ofDays(retentionMaxAgeDays));
    }

    /** Returns when a run that finished at {@code finishedAt} is archived. */
    public Instant archivalDue(Instant finishedAt) {
        return finishedAt.plus(Duration.ofDays(archivalMaxAgeDays));
    }

    /** Returns whether retention deletes a run that finished at {@code finishedAt} by {@code now}. */
    public boolean deletionDueBy(Instant now, Instant finishedAt) {
        return retentionEnabled && !now.isBefore(deletionDue(finishedAt));
    }

    /** Returns whether a run that finished at {@code finishedAt} is in the warning window now. */
    public boolean inWarningWindow(Instant now, Instant finishedAt) {
        Instant warningStarts = deletionDue(finishedAt).minus(Duration.ofDays(warningDays));
        return retentionEnabled && !now.isBefore(warningStarts) && !deletionDueBy(now, finishedAt);
    }

    /** Returns whether archival compresses a run that finished at {@code finishedAt} by {@code now}. */
    public boolean archivalDueBy(Instant now, Instant finishedAt) {
        return archivalEnabled && !now.isBefore(archivalDue(finishedAt));
    }

    private void crossCheck(Settings settings) {
        if (archivalEnabled && retentionEnabled && archivalMaxAgeDays >= retentionMaxAgeDays) {
            settings.problem("archival.maxAgeDays", Integer.toString(archivalMaxAgeDays),
                    "must be less than retention.maxAgeDays (" + retentionMaxAgeDays
                            + ") so that runs are archived before they are deleted");
        }
        if (retentionEnabled && warningDays >= retentionMaxAgeDays) {
            settings.problem("retention.warningDays", Integer.toString(warningDays),
                    "must be less than retention.maxAgeDays (" + retentionMaxAgeDays
                            + ") so that the warning window fits inside the retention period");
        }
        if (!archivalEnabled && retentionEnabled) {
            settings.warning(archivalOffWarning());
        }
    }

    private String archivalOffWarning() {
        long bytes = runsDirectory == null ? 0 : uncompressedRunBytes(runsDirectory);
        long costMegabytes = Math.round(bytes * TYPICAL_GZIP_SAVING / (1024 * 1024));
        return "archival.enabled is false while retention.enabled is true: runs stay uncompressed "
                + "for all " + retentionMaxAgeDays + " days until deleted. The runs directory "
                + "holds " + bytes / (1024 * 1024) + " MiB of uncompressed runs now; archiving "
                + "would save about " + costMegabytes + " MiB of it (estimate, assuming gzip "
                + "shrinks transcripts to a quarter), and the cost grows with every new run";
    }

    /** Returns the total size of the uncompressed run files in {@code directory}, 0 if none. */
    static long uncompressedRunBytes(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(RunFileNames::isRun).mapToLong(HousekeepingSettings::sizeOrZero)
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list runs directory " + directory, e);
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // deleted since the listing: it costs no disk any more
        }
    }

    private static ZoneId zone(Settings settings) {
        String raw = settings.string("housekeeping.zone", null);
        if (raw == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(raw.trim());
        } catch (DateTimeException e) {
            settings.problem("housekeeping.zone", raw, "must be a time zone id such as "
                    + "Europe/Berlin or UTC");
            return ZoneId.systemDefault();
        }
    }

    private static List<LocalTime> times(Settings settings) {
        String raw = settings.string("housekeeping.schedule", "03:30");
        List<LocalTime> times = new ArrayList<>();
        for (String part : raw.split(",")) {
            try {
                times.add(LocalTime.parse(part.trim()));
            } catch (DateTimeParseException e) {
                settings.problem("housekeeping.schedule", raw, "must be one or more local times "
                        + "of day separated by commas, such as 03:30 or 03:30,15:30");
                return List.of(LocalTime.of(3, 30));
            }
        }
        return times;
    }
}
