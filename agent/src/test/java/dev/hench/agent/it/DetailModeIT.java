package dev.hench.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hench.agent.transport.TestCollector;
import dev.hench.itworker.LeakWorker;

/** A {@code detail} request makes the agent sample old objects and reply with {@code suspects}. */
class DetailModeIT {

    @TempDir
    Path dir;

    @Test
    void detailRequestNamesTheLeakingAllocation() throws Exception {
        AtomicBoolean requested = new AtomicBoolean();
        try (TestCollector collector = TestCollector.unix(dir.resolve("c.sock"), new TestCollector.SessionStore(),
                message -> requestDetailOnce(message, requested))) {
            WorkerProcess worker = WorkerProcess.onCurrentJdk(dir.resolve("worker"))
                    .agent("collector=" + collector.address() + ",interval=200ms,detail.stackDepth=8")
                    .start(LeakWorker.class, "7000");

            await().atMost(Duration.ofSeconds(20)).until(() -> !collector.received("suspects").isEmpty());
            assertThat(worker.waitForExit()).isZero();

            Map<String, Object> suspects = collector.received("suspects").get(0);
            assertThat(suspects).containsEntry("requestId", "d1").containsKeys("seq", "timeMillis");
            assertThat((Long) suspects.get("sampledObjects")).isPositive();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) suspects.get("entries");
            assertThat(entries).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            Map<String, Object> top = entries.get(0);
            assertThat(top).containsEntry("className", "byte[]");
            assertThat((List<?>) top.get("stack")).hasSizeLessThanOrEqualTo(8)
                    .anySatisfy(frame -> assertThat((String) frame).startsWith(LeakWorker.class.getName() + ".retain"));
            assertThat(worker.stderrAgentLines()).isEmpty();
        }
    }

    /** Sends one detail request once a sample shows that the agent's JFR stream is running. */
    private static List<String> requestDetailOnce(Map<String, Object> message, AtomicBoolean requested) {
        boolean jfrRunning = "sample".equals(message.get("type")) && message.containsKey("loadedClasses");
        if (jfrRunning && requested.compareAndSet(false, true)) {
            return List.of("{\"type\":\"detail\",\"requestId\":\"d1\",\"durationSeconds\":2}");
        }
        return List.of();
    }
}
