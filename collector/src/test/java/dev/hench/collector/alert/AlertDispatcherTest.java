package dev.hench.collector.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.signal.WorkerKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertDispatcherTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AlertDispatcher dispatcher = new AlertDispatcher(meters);

    static Alert alert(String id) {
        return new Alert(id, new WorkerKey("w-1", "s-1"), Signal.HEAP, Level.WARNING, AlertState.RAISED,
                Instant.ofEpochMilli(1000), 1024.0 * 1024 * 30, null, null, 100L << 20, 256L << 20, null, null,
                null, "heap floor grows", List.of());
    }

    private static AlertListener recording(String name, List<String> seen) {
        return new AlertListener() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void onAlert(Alert alert) {
                seen.add(name + ":" + alert.id());
            }
        };
    }

    private static AlertListener throwing(String name) {
        return new AlertListener() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void onAlert(Alert alert) {
                throw new IllegalStateException("listener broke on purpose");
            }
        };
    }

    @Test
    void throwingListenerDoesNotStopTheOthers() {
        List<String> seen = new ArrayList<>();
        dispatcher.addListener(recording("first", seen));
        dispatcher.addListener(throwing("broken"));
        dispatcher.addListener(recording("last", seen));

        dispatcher.dispatch(List.of(alert("a1"), alert("a2")));

        assertThat(seen).containsExactly("first:a1", "last:a1", "first:a2", "last:a2");
    }

    @Test
    void failuresAreCountedPerListener() {
        dispatcher.addListener(throwing("broken"));
        dispatcher.addListener(recording("fine", new ArrayList<>()));

        dispatcher.dispatch(alert("a1"));
        dispatcher.dispatch(alert("a2"));

        assertThat(meters.get("hench.alert.listener.failures").tag("listener", "broken").counter().count())
                .isEqualTo(2.0);
        assertThat(meters.get("hench.alert.listener.failures").tag("listener", "fine").counter().count())
                .isZero();
    }

    @Test
    void logLineCarriesParseableFields() {
        String line = LogAlertListener.format(alert("heap-s-1-1"));

        assertThat(line).startsWith("ALERT id=heap-s-1-1 worker=w-1 session=s-1 signal=heap level=warning "
                + "state=raised slopeMiBPerMin=30.0 floorMiB=100.0 limitMiB=256.0");
        assertThat(line).endsWith("msg=\"heap floor grows\"");
    }
}
