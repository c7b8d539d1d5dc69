package dev.hench.collector.cli;

import dev.hench.collector.admission.AdmissionSettings;
import dev.hench.collector.config.Settings;
import dev.hench.collector.housekeeping.HousekeepingSettings;
import dev.hench.collector.http.HttpSettings;
import dev.hench.collector.ingest.IngestSettings;
import dev.hench.collector.jfr.JfrSettings;
import dev.hench.collector.leak.LeakSettings;
import dev.hench.collector.leak.SuspectSettings;
import dev.hench.collector.worker.WorkerSettings;

/** The settings of every feature that {@code collector run} starts, read from one {@link Settings}. */
public record CollectorSettings(
        IngestSettings ingest,
        WorkerSettings workers,
        HttpSettings http,
        JfrSettings jfr,
        LeakSettings leak,
        SuspectSettings suspects,
        AdmissionSettings admission,
        HousekeepingSettings housekeeping) {

    /** Reads every key; problems are recorded in {@code settings} for {@link Settings#validate()}. */
    public static CollectorSettings from(Settings settings) {
        return new CollectorSettings(
                IngestSettings.from(settings),
                WorkerSettings.from(settings),
                HttpSettings.from(settings),
                JfrSettings.from(settings),
                LeakSettings.from(settings),
                SuspectSettings.from(settings),
                AdmissionSettings.from(settings),
                HousekeepingSettings.from(settings));
    }
}
