package dev.hench.collector.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertState;
import dev.hench.collector.alert.Level;
import dev.hench.collector.alert.Signal;
import dev.hench.collector.signal.WorkerKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertLifecycleTest {

    private final AlertLifecycle lifecycle =
            new AlertLifecycle(new WorkerKey("build-7", "5f0c2a9e1b7d"), "heap");
    private final List<Alert> alerts = new ArrayList<>();
    private long now;

    @Test
    void raisesOnceAndKeepsTheId() {
        feed(Level.INFORMATION, Level.INFORMATION, Level.WARNING, Level.WARNING);
        assertThat(alerts).extracting(Alert::state)
                .containsExactly(AlertState.RAISED, AlertState.UPDATED);
        assertThat(alerts).extracting(Alert::id).containsOnly("heap-5f0c2a9e-1");
    }

    @Test
    void resolvesOnlyAfterConfirmations() {
        feed(Level.WARNING, Level.NONE, Level.NONE);
        assertThat(alerts).hasSize(1);
        feed(Level.NONE);
        assertThat(alerts).extracting(Alert::state)
                .containsExactly(AlertState.RAISED, AlertState.RESOLVED);
    }

    @Test
    void insufficientDataChangesNothing() {
        feed(Level.INSUFFICIENT_DATA, Level.WARNING, Level.INSUFFICIENT_DATA,
                Level.INSUFFICIENT_DATA);
        assertThat(alerts).hasSize(1);
        assertThat(lifecycle.isActive()).isTrue();
    }

    @Test
    void newAlertAfterResolutionGetsNewId() {
        feed(Level.WARNING, Level.NONE, Level.NONE, Level.NONE, Level.CRITICAL);
        assertThat(alerts.get(2).id()).isEqualTo("heap-5f0c2a9e-2");
        assertThat(alerts.get(2).believedSince()).isEqualTo(alerts.get(2).at());
    }

    private void feed(Level... levels) {
        for (Level level : levels) {
            now += 30_000;
            Verdict verdict = new Verdict(Signal.HEAP, "heap", level, Finding.GROWING, now, 1.0,
                    0.5, 1.5, 100L, 1000L, Duration.ofHours(1), Duration.ofMinutes(5), null,
                    "test");
            alerts.addAll(lifecycle.onVerdict(verdict));
        }
    }
}
