package dev.hench.collector.leak;

import dev.hench.collector.config.Settings;
import java.time.Duration;

/**
 * When and how long the collector asks a worker for retained-object suspects after a heap leak
 * alert.
 *
 * @param enabled whether heap leak alerts trigger a {@code detail} request at all
 * @param sampleDuration how long the worker keeps {@code jdk.OldObjectSample} with stack traces on
 */
public record SuspectSettings(boolean enabled, Duration sampleDuration) {

    /** Reads the {@code leak.suspects.*} keys; problems are recorded in {@code settings}. */
    public static SuspectSettings from(Settings settings) {
        boolean enabled = settings.bool("leak.suspects.enabled", true);
        Duration duration = settings.duration("leak.suspects.sampleDuration", Duration.ofSeconds(60),
                Duration.ofSeconds(5), Duration.ofMinutes(30));
        return new SuspectSettings(enabled, duration);
    }
}
