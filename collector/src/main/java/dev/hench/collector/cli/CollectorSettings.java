package dev.hench.collector.cli;

import dev.hench.collector.config.Settings;
import dev.hench.collector.http.HttpSettings;
import dev.hench.collector.ingest.IngestSettings;
import dev.hench.collector.jfr.JfrSettings;
import dev.hench.collector.leak.FirstLeakCheckSettings;
import dev.hench.collector.worker.WorkerSettings;

/** The settings of the collector's core features, read from one {@link Settings}. */
public record CollectorSettings(
        IngestSettings ingest,
        WorkerSettings workers,
        HttpSettings http,
        JfrSettings jfr,
        FirstLeakCheckSettings firstLeakCheck) {

    /** Reads every core key; problems are recorded in {@code settings} for {@link Settings#validate()}. */
    public static CollectorSettings from(Settings settings) {
        return new CollectorSettings(
                IngestSettings.from(settings),
                WorkerSettings.from(settings),
                HttpSettings.from(settings),
                JfrSettings.from(settings),
                FirstLeakCheckSettings.from(settings));
    }
}
