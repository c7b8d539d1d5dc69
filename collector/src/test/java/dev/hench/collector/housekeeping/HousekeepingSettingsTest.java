package dev.hench.collector.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hench.collector.config.ConfigException;
import dev.hench.collector.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HousekeepingSettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsMatchDocumentation() {
        Settings settings = Settings.of(Map.of("runs.dir", dir.toString()));
        HousekeepingSettings result = HousekeepingSettings.from(settings);
        settings.validate();
        assertThat(result.runsDirectory()).isEqualTo(dir);
        assertThat(result.archivalEnabled()).isTrue();
        assertThat(result.archivalMaxAgeDays()).isEqualTo(30);
        assertThat(result.archivalGzipLevel()).isEqualTo(1);
        assertThat(result.maxReadMiBPerSecond()).isEqualTo(8);
        assertThat(result.retentionEnabled()).isTrue();
        assertThat(result.retentionMaxAgeDays()).isEqualTo(180);
        assertThat(result.warningDays()).isEqualTo(30);
        assertThat(result.schedule().times()).containsExactly(LocalTime.of(3, 30));
        assertThat(result.schedule().zone()).isEqualTo(ZoneId.systemDefault());
        assertThat(result.ledgerScanInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.warnings()).isEmpty();
    }

    @Test
    void everyProblemIsReportedTogether() {
        Settings settings = Settings.of(Map.of(
                "archival.maxAgeDays", "200",
                "retention.maxAgeDays", "100",
                "retention.warningDays", "150",
                "housekeeping.schedule", "3.30",
                "housekeeping.zone", "Mars/Olympus"));
        HousekeepingSettings.from(settings);
        assertThatThrownBy(settings::validate).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).hasSize(4).anySatisfy(p -> assertThat(p)
                        .startsWith("archival.maxAgeDays was '200'")
                        .contains("less than retention.maxAgeDays (100)"))
                        .anySatisfy(p -> assertThat(p).startsWith("retention.warningDays was '150'"))
                        .anySatisfy(p -> assertThat(p).startsWith("housekeeping.schedule was '3.30'"))
                        .anySatisfy(p -> assertThat(p).startsWith("housekeeping.zone was")));
    }

    @Test
    void archivalOffWithRetentionWarnsWithDiskCost() throws Exception {
        Files.write(dir.resolve("big.json"), new byte[4 * 1024 * 1024]);
        Settings settings = Settings.of(Map.of("runs.dir", dir.toString(),
                "archival.enabled", "false"));
        HousekeepingSettings.from(settings);
        settings.validate();
        List<String> warnings = settings.warnings();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("archival.enabled is false")
                .contains("holds 4 MiB").contains("save about 3 MiB");
    }

    @Test
    void multipleTimesAndZoneAreParsed() {
        Settings settings = Settings.of(Map.of("housekeeping.schedule", "03:30, 15:00",
                "housekeeping.zone", "Europe/Berlin"));
        HousekeepingSettings result = HousekeepingSettings.from(settings);
        settings.validate();
        assertThat(result.schedule().times()).containsExactly(LocalTime.of(3, 30),
                LocalTime.of(15, 0));
        assertThat(result.schedule().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void missingRunsDirectoryTurnsHousekeepingOff() {
        Settings settings = Settings.of(Map.of());
        assertThat(HousekeepingSettings.from(settings).runsDirectory()).isNull();
    }
}
