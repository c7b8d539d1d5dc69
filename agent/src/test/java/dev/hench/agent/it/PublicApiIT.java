package dev.hench.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hench.agent.transport.TestCollector;
import dev.hench.itworker.ApiWorker;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** Worker code reaches the agent through its public API, and the collector reaches worker code back. */
class PublicApiIT {

    private static final String ALERT = "{\"type\":\"alert\",\"id\":\"heap-1\",\"signal\":\"heap\","
            + "\"level\":\"warning\",\"state\":\"raised\",\"message\":\"heap grows 3 MiB/min\"}";
    private static final String ADMISSION = "{\"type\":\"admission\",\"level\":\"DELAY\","
            + "\"reasons\":[\"used 83% of 2 GiB\"],\"availableBytes\":356515840}";

    @TempDir
    Path dir;

    @Test
    void phasesRunsAdmissionAndAlertsFlow() throws Exception {
        Path recording = dir.resolve("worker.jfr");
        try (TestCollector collector = TestCollector.unix(dir.resolve("c.sock"), new TestCollector.SessionStore(),
                PublicApiIT::pushToWorker)) {
            WorkerProcess worker = WorkerProcess.onCurrentJdk(dir.resolve("worker"))
                    .agent("collector=" + collector.address() + ",interval=100ms")
                    .jvmOption("-XX:StartFlightRecording=filename=" + recording)
                    .start(ApiWorker.class);

            assertThat(worker.waitForExit()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> collector.received("run").size() == 2);

            assertThat(worker.stdout()).contains("loading in phase load")
                    .contains("admission DELAY reasons [used 83% of 2 GiB]")
                    .contains("listener saw true");
            assertThat(collector.received("phase")).extracting(m -> m.get("name") + " " + m.get("event"))
                    .containsExactly("load begin", "load end", "process begin", "process end");
            assertThat(collector.received("phase")).allSatisfy(m -> assertThat(m).containsEntry("runId", "run-1"));
            assertThat(collector.received("run")).extracting(m -> m.get("runId") + " " + m.get("event"))
                    .containsExactly("run-1 begin", "run-1 end");
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(recording);
        assertThat(events).filteredOn(e -> e.getEventType().getName().equals("hench.Alert"))
                .singleElement()
                .satisfies(alert -> {
                    assertThat(alert.getString("alertId")).isEqualTo("heap-1");
                    assertThat(alert.getString("level")).isEqualTo("warning");
                    assertThat(alert.getString("message")).isEqualTo("heap grows 3 MiB/min");
                });
        assertThat(events).filteredOn(e -> e.getEventType().getName().equals("hench.Phase")).hasSize(6);
    }

    /**
     * Pushes the alert after the welcome, and the admission level that lets the worker go on once
     * a sample carries JFR values, so the worker's phases become JFR events too.
     */
    private static List<String> pushToWorker(Map<String, Object> message) {
        if ("hello".equals(message.get("type"))) {
            return List.of(ALERT, "{\"type\":\"future-message\"}");
        }
        if ("sample".equals(message.get("type")) && message.containsKey("loadedClasses")) {
            return List.of(ADMISSION);
        }
        return List.of();
    }
}
