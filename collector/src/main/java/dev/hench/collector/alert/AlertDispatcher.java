package dev.hench.collector.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every alert transition to every registered {@link AlertListener}, in registration order,
 * on the calling thread. A listener that throws is logged with its name and the alert id and
 * counted in {@code hench_alert_listener_failures_total{listener}}; the remaining listeners still
 * run, and the exception does not reach the caller.
 *
 * <p>Thread-safe: listeners may be added while alerts are dispatched.
 */
public final class AlertDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final MeterRegistry meters;

    public AlertDispatcher(MeterRegistry meters) {
        this.meters = meters;
    }

    public void addListener(AlertListener listener) {
        listeners.add(listener);
        failureCounter(listener.name());
    }

    public void dispatch(List<Alert> alerts) {
        for (Alert alert : alerts) {
            dispatch(alert);
        }
    }

    public void dispatch(Alert alert) {
        for (AlertListener listener : listeners) {
            try {
                listener.onAlert(alert);
            } catch (RuntimeException | LinkageError e) {
                log.error("alert listener failed listener={} alert={} worker={}", listener.name(),
                        alert.id(), alert.worker(), e);
                failureCounter(listener.name()).increment();
            }
        }
    }

    private Counter failureCounter(String listenerName) {
        return Counter.builder("hench.alert.listener.failures")
                .description("Alert listeners that threw while handling an alert")
                .tag("listener", listenerName)
                .register(meters);
    }
}
