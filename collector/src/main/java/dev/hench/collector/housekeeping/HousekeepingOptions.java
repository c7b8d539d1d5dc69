package dev.hench.collector.housekeeping;

import dev.hench.collector.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options shared by the housekeeping commands: the runs directory and housekeeping keys given as
 * {@code --set key=value}, for example {@code --set retention.maxAgeDays=90}.
 */
final class HousekeepingOptions {

    @Option(names = "--runs", required = true, paramLabel = "DIR",
            description = "Runs directory the workers write their run files to (sets runs.dir).")
    Path runsDirectory;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Sets a housekeeping key, for example retention.maxAgeDays=90; "
                    + "repeatable. Keys: archival.enabled, archival.maxAgeDays, "
                    + "archival.gzipLevel, retention.enabled, retention.maxAgeDays, retention.warningDays, "
                    + "housekeeping.schedule, housekeeping.zone, housekeeping.maxReadMiBPerSecond, "
                    + "housekeeping.ledgerScanInterval.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /**
     * Builds and validates the settings, printing warnings to stderr.
     *
     * @throws dev.hench.collector.config.ConfigException listing every problem
     */
    HousekeepingSettings settings() {
        Map<String, String> values = new LinkedHashMap<>(overrides);
        values.put("runs.dir", runsDirectory.toString());
        Settings settings = Settings.of(values);
        HousekeepingSettings housekeeping = HousekeepingSettings.from(settings);
        settings.validate();
        settings.warnings().forEach(warning -> System.err.println("warning: " + warning));
        return housekeeping;
    }
}
