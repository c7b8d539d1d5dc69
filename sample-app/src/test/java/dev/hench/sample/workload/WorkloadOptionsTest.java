package dev.hench.sample.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadOptionsTest {

    @Test
    void pairsAndEqualsFormAreRead() {
        WorkloadOptions options = WorkloadOptions.parse(List.of("--duration", "90s", "--rate-mib-per-min=12.5"));

        assertThat(options.duration("duration", null)).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.number("rate-mib-per-min", 30, 0, 100)).isEqualTo(12.5);
        options.rejectUnread();
    }

    @Test
    void missingOptionsUseFallback() {
        WorkloadOptions options = WorkloadOptions.parse(List.of());

        assertThat(options.duration("duration", null)).isNull();
        assertThat(options.number("live-mib", 32, 0, 100)).isEqualTo(32);
    }

    @Test
    void unreadOptionsAreRejected() {
        WorkloadOptions options = WorkloadOptions.parse(List.of("--durtion", "5s", "--live-mib", "8"));
        options.number("live-mib", 32, 0, 100);

        assertThatThrownBy(options::rejectUnread).hasMessageContaining("--durtion");
    }

    @Test
    void invalidValuesNameTheOption() {
        WorkloadOptions options = WorkloadOptions.parse(List.of("--duration", "soon", "--live-mib", "-4"));

        assertThatThrownBy(() -> options.duration("duration", null)).hasMessageContaining("--duration was 'soon'");
        assertThatThrownBy(() -> options.number("live-mib", 32, 0, 100)).hasMessageContaining("between 0.0 and 100.0");
        assertThatThrownBy(() -> WorkloadOptions.parse(List.of("steady"))).hasMessageContaining("'steady'");
        assertThatThrownBy(() -> WorkloadOptions.parse(List.of("--duration"))).hasMessageContaining("needs a value");
    }

    @Test
    void registryCreatesKnownWorkloadsOnly() {
        assertThat(Workloads.create("steady", WorkloadOptions.parse(List.of()))).isInstanceOf(SteadyWorkload.class);
        assertThat(Workloads.create("leak", WorkloadOptions.parse(List.of()))).isInstanceOf(LeakWorkload.class);
        assertThatThrownBy(() -> Workloads.create("nope", WorkloadOptions.parse(List.of())))
                .hasMessageContaining("choose one of steady, leak");
    }

    @Test
    void deadlinePassesAfterDuration() {
        assertThat(Deadline.after(Duration.ZERO).passed()).isTrue();
        assertThat(Deadline.after(Duration.ofHours(1)).passed()).isFalse();
        assertThat(Deadline.after(null).passed()).isFalse();
    }

    @Test
    void textOptionIsReadOrFallsBack() {
        WorkloadOptions options = WorkloadOptions.parse(List.of("--worker", "w7"));

        assertThat(options.text("worker", "sample-worker")).isEqualTo("w7");
        assertThat(options.text("runs", null)).isNull();
    }

    @Test
    void blankTextIsRejected() {
        WorkloadOptions options = WorkloadOptions.parse(List.of("--worker", " "));

        assertThatThrownBy(() -> options.text("worker", "sample-worker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--worker");
    }
}
