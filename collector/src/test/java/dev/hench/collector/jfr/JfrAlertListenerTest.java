package dev.hench.collector.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertState;
import dev.hench.collector.alert.Level;
import dev.hench.collector.alert.Signal;
import dev.hench.collector.signal.WorkerKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrAlertListenerTest {

    @TempDir
    Path dir;

    private static Alert alert(AlertState state, Level level, Duration timeToLimit) {
        return new Alert("heap-s-1", new WorkerKey("w-1", "s-1"), Signal.HEAP, level, state, Instant.ofEpochMilli(1),
                2048.0, null, null, 4096L, null, timeToLimit, null, null, "test alert", List.of());
    }

    @Test
    void lifecycleBecomesThreeEventsInFile() throws Exception {
        Path file = dir.resolve("collector.jfr");
        CollectorRecording recording = CollectorRecording.start(
                new JfrSettings(file, Duration.ofSeconds(60), Duration.ofHours(1)));
        JfrAlertListener listener = new JfrAlertListener(recording);

        listener.onAlert(alert(AlertState.RAISED, Level.WARNING, Duration.ofMinutes(20)));
        listener.onAlert(alert(AlertState.UPDATED, Level.CRITICAL, Duration.ofMinutes(10)));
        listener.onAlert(alert(AlertState.RESOLVED, Level.NONE, null));
        recording.close();

        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().startsWith("hench."))
                .collect(Collectors.toList());
        assertThat(events).extracting(event -> event.getEventType().getName())
                .containsExactly("hench.LeakSuspected", "hench.AlertUpdated", "hench.AlertResolved");
        assertThat(events.get(1).getString("level")).isEqualTo("critical");
        assertThat(events.get(1).getLong("floorBytes")).isEqualTo(4096);
        assertThat(events.get(1).getLong("limitBytes")).isEqualTo(-1);
        assertThat(events.get(2).getLong("timeToLimitMillis")).isEqualTo(-1);
    }
}
