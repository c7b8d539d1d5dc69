package dev.hench.collector.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.leak.LeakDetector;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerRegistryTest {

    private static final WorkerKey KEY = new WorkerKey("w-1", "s-1");

    private final List<WorkerKey> forgotten = new ArrayList<>();
    private final LeakDetector detector = new LeakDetector() {
        @Override
        public List<Alert> observe(WorkerKey worker, Observation observation) {
            return List.of();
        }

        @Override
        public void forget(WorkerKey worker) {
            forgotten.add(worker);
        }
    };
    private final WorkerRegistry registry = new WorkerRegistry(new WorkerSettings(Duration.ofSeconds(10), 4),
            detector);

    private static WorkerIdentity identity(WorkerKey key) {
        return new WorkerIdentity(key, 1, "vendor", "17", 0, Observation.ABSENT, "test", null, null);
    }

    @Test
    void connectedSeriesIsNeverForgotten() {
        registry.connected(identity(KEY));

        assertThat(registry.sweep(Long.MAX_VALUE)).isZero();
        assertThat(registry.find(KEY)).isPresent();
    }

    @Test
    void disconnectedSeriesIsKeptForGracePeriod() {
        WorkerSeries series = registry.connected(identity(KEY));
        registry.disconnected(series, 1_000);

        assertThat(registry.sweep(10_999)).isZero();
        assertThat(series.isConnected()).isFalse();
        assertThat(registry.find(KEY)).isPresent();
    }

    @Test
    void seriesIsForgottenAfterGracePeriod() {
        WorkerSeries series = registry.connected(identity(KEY));
        registry.disconnected(series, 1_000);

        assertThat(registry.sweep(11_000)).isEqualTo(1);
        assertThat(registry.find(KEY)).isEmpty();
        assertThat(forgotten).containsExactly(KEY);
    }

    @Test
    void reconnectWithinGraceContinuesSeries() {
        WorkerSeries first = registry.connected(identity(KEY));
        registry.disconnected(first, 1_000);

        WorkerSeries again = registry.connected(identity(KEY));

        assertThat(again).isSameAs(first);
        assertThat(registry.sweep(60_000)).isZero();
    }

    @Test
    void replacedConnectionKeepsSeriesConnected() {
        WorkerSeries series = registry.connected(identity(KEY));
        registry.connected(identity(KEY));
        registry.disconnected(series, 1_000);

        assertThat(series.isConnected()).isTrue();
    }

    @Test
    void historyRingKeepsNewestPoints() {
        WorkerSeries series = registry.connected(identity(KEY));
        for (long time = 1; time <= 6; time++) {
            series.record(Observation.at(time).rssBytes(time * 100).build(), true);
        }

        long[][] history = series.history(HistorySignal.RSS);

        assertThat(history[0]).containsExactly(3, 4, 5, 6);
        assertThat(history[1]).containsExactly(300, 400, 500, 600);
        assertThat(series.history(HistorySignal.HEAP_USED)[0]).isEmpty();
        assertThat(series.samplesReceived()).isEqualTo(6);
    }
}
