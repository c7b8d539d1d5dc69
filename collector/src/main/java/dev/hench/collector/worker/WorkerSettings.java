package dev.hench.collector.worker;

import dev.hench.collector.config.Settings;
import java.time.Duration;

/**
 * Keys of the worker registry.
 *
 * @param gracePeriod how long a disconnected series is kept before it is forgotten
 *     ({@code workers.gracePeriod}, default 10m)
 * @param historyPoints points kept per signal and series ({@code workers.historyPoints}, default
 *     900, which is 15 minutes at the agent's default 1 s interval). Each point takes 16 bytes in
 *     each of the 11 {@link HistorySignal} rings, so 900 points cost about 155 KiB per series.
 */
public record WorkerSettings(Duration gracePeriod, int historyPoints) {

    public static WorkerSettings from(Settings settings) {
        Duration grace = settings.duration("workers.gracePeriod", Duration.ofMinutes(10),
                Duration.ZERO, Duration.ofDays(30));
        long points = settings.integer("workers.historyPoints", 900, 16, 1_000_000);
        return new WorkerSettings(grace, (int) points);
    }
}
