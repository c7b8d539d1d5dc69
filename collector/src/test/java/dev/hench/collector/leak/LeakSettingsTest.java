package dev.hench.collector.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hench.collector.alert.Level;
import dev.hench.collector.config.ConfigException;
import dev.hench.collector.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeakSettingsTest {

    @Test
    void keysOverrideDefaults() {
        Settings settings = Settings.of(Map.of("leak.minEvidence", "1m",
                "leak.warningWithin", "12h", "leak.refitInterval", "30s"));
        LeakSettings leak = LeakSettings.from(settings);
        settings.validate();
        assertThat(leak.minEvidence()).isEqualTo(Duration.ofMinutes(1));
        assertThat(leak.warningWithin()).isEqualTo(Duration.ofHours(12));
        assertThat(leak.refitInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(leak.criticalWithin()).isEqualTo(LeakSettings.defaults().criticalWithin());
    }

    @Test
    void everyInvalidKeyIsReportedAtOnce() {
        Settings settings = Settings.of(Map.of("leak.criticalWithin", "2h",
                "leak.warningWithin", "1h", "leak.gc.timeShare", "3"));
        LeakSettings.from(settings);
        assertThatThrownBy(settings::validate).isInstanceOf(ConfigException.class)
                .satisfies(e -> {
                    List<String> problems = ((ConfigException) e).problems();
                    assertThat(problems).hasSize(2);
                    assertThat(problems).anyMatch(p -> p.startsWith("leak.warningWithin"));
                    assertThat(problems).anyMatch(p -> p.startsWith("leak.gc.timeShare"));
                });
    }

    @Test
    void severityFollowsTimeToLimit() {
        LeakSettings leak = LeakSettings.defaults();
        assertThat(leak.severity(Duration.ofMinutes(30))).isEqualTo(Level.CRITICAL);
        assertThat(leak.severity(Duration.ofHours(5))).isEqualTo(Level.WARNING);
        assertThat(leak.severity(Duration.ofDays(3))).isEqualTo(Level.INFORMATION);
        assertThat(leak.severity(null)).isEqualTo(Level.INFORMATION);
    }

    @Test
    void hostMemoryParsesMemTotal() {
        long bytes = HostMemory.parseMemTotal(List.of("MemFree: 5 kB", "MemTotal:  24683412 kB"));
        assertThat(bytes).isEqualTo(24683412L * 1024);
    }
}
