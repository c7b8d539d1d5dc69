package dev.hench.collector.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hench.collector.config.ConfigException;
import dev.hench.collector.config.Settings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionSettingsTest {

    @Test
    void keysOverrideDefaults() {
        Settings settings = Settings.of(Map.of("admission.delayAtUsedShare", "0.7",
                "admission.refuseAtUsedShare", "0.85", "admission.unknownPolicy", "refuse",
                "admission.interval", "500ms", "budget.cgroup", "/workers",
                "budget.source", "host-only"));

        AdmissionSettings admission = AdmissionSettings.from(settings);
        settings.validate();

        assertThat(admission.delayAtUsedShare()).isEqualTo(0.7);
        assertThat(admission.refuseAtUsedShare()).isEqualTo(0.85);
        assertThat(admission.unknownPolicy()).isEqualTo(UnknownPolicy.REFUSE);
        assertThat(admission.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(admission.budget().cgroupPath()).isEqualTo("/workers");
        assertThat(admission.budget().hostOnly()).isTrue();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Settings settings = Settings.of(Map.of("admission.delayAtUsedShare", "0.95",
                "admission.refuseAtUsedShare", "0.9", "admission.unknownPolicy", "maybe",
                "budget.cgroup", "workers", "budget.source", "guess"));

        AdmissionSettings.from(settings);

        assertThatThrownBy(settings::validate).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).satisfiesExactlyInAnyOrder(
                        p -> assertThat(p).startsWith("admission.delayAtUsedShare was '0.95'")
                                .contains("must be below admission.refuseAtUsedShare"),
                        p -> assertThat(p).startsWith("admission.unknownPolicy was 'maybe'"),
                        p -> assertThat(p).startsWith("budget.cgroup was 'workers'"),
                        p -> assertThat(p).startsWith("budget.source was 'guess'")));
    }

    @Test
    void hysteresisMustStayBelowDelay() {
        Settings settings = Settings.of(Map.of("admission.delayAtUsedShare", "0.3",
                "admission.hysteresis", "0.4"));

        AdmissionSettings.from(settings);

        assertThatThrownBy(settings::validate).hasMessageContaining(
                "admission.hysteresis was '0.4'");
    }
}
