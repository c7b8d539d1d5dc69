package dev.hench.collector.leak;

import dev.hench.collector.config.Settings;
import java.time.Duration;

/**
 * Keys of {@link FirstLeakCheck}, all under {@code leak.first.}.
 *
 * @param window length of the windows whose post-GC minimum becomes one floor point
 * @param warmup time after a series' first observation whose floors are ignored
 * @param minSpan minimum time between the first and last floor of a fit
 * @param minPoints minimum number of floors in a fit
 * @param maxPoints floors kept and fitted, the newest ones
 * @param minSlopeMiBPerMinute slope below which growth is not a leak
 * @param minRiseShareOfMax fitted rise over the fit span, as a share of heap max, below which
 *     growth is not a leak
 * @param minTrend minimum Kendall tau (-1 to 1) of the floors: how consistently they rise
 * @param criticalWithin projected time to the heap max under which a leak is critical
 */
public record FirstLeakCheckSettings(
        Duration window,
        Duration warmup,
        Duration minSpan,
        int minPoints,
        int maxPoints,
        double minSlopeMiBPerMinute,
        double minRiseShareOfMax,
        double minTrend,
        Duration criticalWithin) {

    public static FirstLeakCheckSettings defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    public static FirstLeakCheckSettings from(Settings settings) {
        Duration window = settings.duration("leak.first.window", Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofHours(1));
        Duration warmup = settings.duration("leak.first.warmup", Duration.ofMinutes(2),
                Duration.ZERO, Duration.ofDays(1));
        Duration minSpan = settings.duration("leak.first.minSpan", Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofDays(7));
        long minPoints = settings.integer("leak.first.minPoints", 8, 3, 10_000);
        long maxPoints = settings.integer("leak.first.maxPoints", 60, 3, 10_000);
        if (maxPoints < minPoints) {
            settings.problem("leak.first.maxPoints", Long.toString(maxPoints),
                    "must be at least leak.first.minPoints (" + minPoints + ")");
        }
        double minSlope = settings.fraction("leak.first.minSlopeMiBPerMin", 1.0, 0.0, 1_000_000.0);
        double minRise = settings.fraction("leak.first.minRiseShareOfMax", 0.05, 0.0, 1.0);
        double minTrend = settings.fraction("leak.first.minTrend", 0.6, 0.0, 1.0);
        Duration critical = settings.duration("leak.first.criticalWithin", Duration.ofMinutes(15),
                Duration.ZERO, Duration.ofDays(365));
        return new FirstLeakCheckSettings(window, warmup, minSpan, (int) minPoints,
                (int) Math.max(minPoints, maxPoints), minSlope, minRise, minTrend, critical);
    }
}
