package dev.hench.collector.metrics;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertListener;
import dev.hench.collector.alert.AlertState;
import dev.hench.collector.alert.LogAlertListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts alert transitions in {@code hench_worker_alerts_total{worker,session,signal,level,state}}.
 * {@link WorkerMeters} removes a series' counters when the series is forgotten.
 */
public final class MetricsAlertListener implements AlertListener {

    private final MeterRegistry meters;

    public MetricsAlertListener(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public void onAlert(Alert alert) {
        Counter.builder("hench.worker.alerts")
                .description("Alert transitions by signal, level and state")
                .tag("worker", alert.worker().workerId())
                .tag("session", alert.worker().sessionId())
                .tag("signal", alert.signal().wireName())
                .tag("level", LogAlertListener.levelName(alert.level()))
                .tag("state", alert.state() == AlertState.RAISED ? "raised"
                        : alert.state() == AlertState.UPDATED ? "updated" : "resolved")
                .register(meters)
                .increment();
    }
}
