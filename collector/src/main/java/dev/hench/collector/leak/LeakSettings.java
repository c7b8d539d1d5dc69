package dev.hench.collector.leak;

import dev.hench.collector.alert.Level;
import dev.hench.collector.config.Settings;
import java.time.Duration;

/**
 * Thresholds of the robust leak detector. {@link #defaults()} returns the values that the
 * evaluation corpus was scored with; docs/leak-detection.md explains each.
 *
 * @param criticalWithin a pessimistic time to limit at or below this is critical
 * @param warningWithin a pessimistic time to limit at or below this is a warning; longer is
 *     information
 * @param minEvidence least span of post-warmup data behind any leak verdict
 * @param maxEvidence span after which a growing series always has enough evidence, and the span
 *     a flat series needs before it is called flat
 * @param evidenceShareOfTimeToLimit evidence needed as a share of the projected time to limit
 * @param minSlopeBytesPerHour growth below this is not a leak whatever the limit
 * @param minSlopeShareOfLimitPerHour growth below this share of the limit per hour is not a leak
 * @param refitInterval data time between two fits of a series
 * @param gcWindow window over which the GC time share is measured
 * @param gcTimeShare share of wall time in GC pauses that, with a full heap, is a death spiral
 * @param gcLiveShareOfMax heap after GC, as a share of the maximum, that counts as full
 */
public record LeakSettings(
        Duration criticalWithin,
        Duration warningWithin,
        Duration minEvidence,
        Duration maxEvidence,
        double evidenceShareOfTimeToLimit,
        double minSlopeBytesPerHour,
        double minSlopeShareOfLimitPerHour,
        Duration refitInterval,
        Duration gcWindow,
        double gcTimeShare,
        double gcLiveShareOfMax) {

    /** Points a series needs before any fit; the Mann-Kendall test cannot reach 5% below 5. */
    static final int MIN_POINTS = 6;
    /** Cycle boundaries (runs) that a phase-aware heap verdict needs. */
    static final int MIN_CYCLES = 5;
    /** Points per fit; Theil-Sen costs about n * n / 2 slope evaluations. */
    static final int MAX_FIT_POINTS = 60;

    private static final double MIB = 1024.0 * 1024.0;

    public static LeakSettings defaults() {
        return new LeakSettings(Duration.ofHours(1), Duration.ofHours(6), Duration.ofMinutes(2),
                Duration.ofMinutes(40), 1.0 / 8.0, MIB, 0.0005, Duration.ofSeconds(60),
                Duration.ofSeconds(60), 0.5, 0.9);
    }

    /**
     * Returns the level for a pessimistic time to limit: critical within {@link #criticalWithin},
     * warning within {@link #warningWithin}, else information (also when there is no limit).
     */
    public Level severity(Duration timeToLimit) {
        if (timeToLimit == null) {
            return Level.INFORMATION;
        }
        if (timeToLimit.compareTo(criticalWithin) <= 0) {
            return Level.CRITICAL;
        }
        return timeToLimit.compareTo(warningWithin) <= 0 ? Level.WARNING : Level.INFORMATION;
    }

    /** Reads the {@code leak.*} keys; problems are recorded in {@code settings}. */
    public static LeakSettings from(Settings settings) {
        LeakSettings d = defaults();
        Duration critical = settings.duration("leak.criticalWithin", d.criticalWithin,
                Duration.ofMinutes(1), Duration.ofDays(7));
        Duration warning = settings.duration("leak.warningWithin", d.warningWithin,
                Duration.ofMinutes(1), Duration.ofDays(30));
        Duration minEvidence = settings.duration("leak.minEvidence", d.minEvidence,
                Duration.ofSeconds(30), Duration.ofHours(6));
        Duration maxEvidence = settings.duration("leak.maxEvidence", d.maxEvidence,
                Duration.ofMinutes(1), Duration.ofHours(48));
        double minSlope = settings.fraction("leak.minSlopeMiBPerHour", 1.0, 0.0, 1e6) * MIB;
        Duration refit = settings.duration("leak.refitInterval", d.refitInterval,
                Duration.ofSeconds(1), Duration.ofMinutes(15));
        double gcShare = settings.fraction("leak.gc.timeShare", d.gcTimeShare, 0.05, 1.0);
        double liveShare = settings.fraction("leak.gc.liveShare", d.gcLiveShareOfMax, 0.5, 1.0);
        if (warning.compareTo(critical) < 0) {
            settings.problem("leak.warningWithin", warning.toString(),
                    "must be at least leak.criticalWithin (" + critical + ")");
        }
        if (maxEvidence.compareTo(minEvidence) < 0) {
            settings.problem("leak.maxEvidence", maxEvidence.toString(),
                    "must be at least leak.minEvidence (" + minEvidence + ")");
        }
        return new LeakSettings(critical, warning, minEvidence, maxEvidence,
                d.evidenceShareOfTimeToLimit, minSlope, d.minSlopeShareOfLimitPerHour, refit,
                d.gcWindow, gcShare, liveShare);
    }
}
