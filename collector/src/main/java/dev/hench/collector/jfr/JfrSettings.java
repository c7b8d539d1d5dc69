package dev.hench.collector.jfr;

import dev.hench.collector.config.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Keys of the collector's own JFR recording.
 *
 * @param file where the recording is written ({@code jfr.file}, flag {@code --jfr}, default
 *     {@code ./hench-collector.jfr})
 * @param dumpInterval longest delay between an alert and the file's update
 *     ({@code jfr.dumpInterval}, default 10s, at most 60s)
 * @param maxAge how long events stay in the recording ({@code jfr.maxAge}, default 7d)
 */
public record JfrSettings(Path file, Duration dumpInterval, Duration maxAge) {

    public static JfrSettings from(Settings settings) {
        String file = settings.string("jfr.file", "hench-collector.jfr");
        if (file.isBlank()) {
            settings.problem("jfr.file", file, "must be a file path such as ./hench-collector.jfr");
            file = "hench-collector.jfr";
        }
        Duration interval = settings.duration("jfr.dumpInterval", Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ofSeconds(60));
        Duration maxAge = settings.duration("jfr.maxAge", CollectorRecording.defaultMaxAge(),
                Duration.ofMinutes(1), Duration.ofDays(365));
        return new JfrSettings(Path.of(file), interval, maxAge);
    }
}
