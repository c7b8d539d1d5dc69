package dev.hench.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hench.itworker.ChurnWorker;
import dev.hench.agent.transport.TestCollector;

class AgentStreamingIT {

    @TempDir
    Path dir;

    @Test
    void samplesAndGcEventsArrive() throws Exception {
        try (TestCollector collector = TestCollector.unix(dir.resolve("c.sock"))) {
            WorkerProcess worker = WorkerProcess.onCurrentJdk(dir.resolve("worker"))
                    .agent("collector=" + collector.address() + ",worker=it-1,interval=200ms")
                    .jvmOption("-XX:+UseG1GC")
                    .start(ChurnWorker.class, "6000");

            assertThat(worker.waitForExit()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> !collector.received("gc").isEmpty());

            assertHello(collector.received("hello").get(0));
            assertSampleFields(collector.received("sample"));
            assertGcFields(collector.received("gc"));
            assertThat(worker.stderrAgentLines()).isEmpty();
        }
    }

    @Test
    void tcpTransportCarriesSamples() throws Exception {
        try (TestCollector collector = TestCollector.tcp(new TestCollector.SessionStore())) {
            WorkerProcess worker = WorkerProcess.onCurrentJdk(dir.resolve("worker"))
                    .agent("collector=" + collector.address() + ",interval=200ms,jfr=false")
                    .start(ChurnWorker.class, "1500");

            assertThat(worker.waitForExit()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> collector.received("sample").size() >= 3);
            assertThat(collector.received("gc")).isEmpty();
            // Without JFR the memory pool MXBeans supply these.
            assertThat(collector.received("sample").get(0)).containsKeys("metaspaceUsedBytes", "codeCacheBytes",
                    "loadedClasses").doesNotContainKeys("compiledMethods", "physicalTotalBytes");
        }
    }

    @Test
    void workerWithoutJfrModuleStillSamples() throws Exception {
        try (TestCollector collector = TestCollector.unix(dir.resolve("c.sock"))) {
            WorkerProcess worker = WorkerProcess.onCurrentJdk(dir.resolve("worker"))
                    .agent("collector=" + collector.address() + ",interval=100ms")
                    .jvmOption("--limit-modules=java.base,java.management,java.instrument")
                    .start(ChurnWorker.class, "1500");

            assertThat(worker.waitForExit()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> collector.received("sample").size() >= 3);
            assertThat(collector.received("sample").get(0)).containsKeys("heapUsedBytes", "metaspaceUsedBytes");
            assertThat(collector.received("gc")).isEmpty();
            assertThat(worker.stderrAgentLines()).singleElement().asString()
                    .contains("this runtime lacks the jdk.jfr module");
        }
    }

    @Test
    void workerExitsWhenCollectorAbsent() throws Exception {
        WorkerProcess worker = WorkerProcess.onCurrentJdk(dir.resolve("worker"))
                .agent("collector=unix:" + dir.resolve("nobody.sock") + ",interval=100ms")
                .start(ChurnWorker.class, "2000");

        assertThat(worker.waitForExit()).isZero();
        assertThat(worker.stdout()).contains("churn done");
        List<String> agentLines = worker.stderrAgentLines();
        assertThat(agentLines).hasSize(1);
        assertThat(agentLines.get(0)).contains("collector unreachable at unix:" + dir.resolve("nobody.sock"));
    }

    @Test
    void collectorRestartLosesAndRepeatsNothing() throws Exception {
        Path socket = dir.resolve("c.sock");
        TestCollector.SessionStore store = new TestCollector.SessionStore();
        WorkerProcess worker;
        TestCollector first = TestCollector.unix(socket, store, message -> List.of());
        try (first) {
            worker = WorkerProcess.onCurrentJdk(dir.resolve("worker"))
                    .agent("collector=" + first.address() + ",interval=100ms,jfr=false")
                    .start(ChurnWorker.class, "5000");
            await().atMost(Duration.ofSeconds(10)).until(() -> first.received("sample").size() >= 5);
        }
        List<Long> beforeRestart = seqs(first.received("sample"));
        // The agent notices, keeps sampling into its buffer, and retries with backoff.
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.stderr().contains("lost connection to collector"));
        try (TestCollector second = TestCollector.unix(socket, store, message -> List.of())) {
            assertThat(worker.waitForExit()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> !second.received("sample").isEmpty());
            assertThat(second.welcomedLastSeqs()).hasSize(1);
            long lastSeqAtRestart = second.welcomedLastSeqs().get(0);
            List<Map<String, Object>> afterRestart = second.received("sample");
            List<Long> resent = seqs(afterRestart);

            assertThat(resent).allMatch(seq -> seq > lastSeqAtRestart);
            assertThat(resent.get(0)).isEqualTo(lastSeqAtRestart + 1);
            assertThat(afterRestart.get(afterRestart.size() - 1).get("droppedTotal")).isEqualTo(0L);
            Set<Long> all = new HashSet<>(beforeRestart);
            all.addAll(resent);
            long highest = resent.get(resent.size() - 1);
            assertThat(all).as("every sequence number from 1 to the last").hasSize((int) highest);
            assertThat(highest).isGreaterThan(beforeRestart.size() + 5L);
        }
    }

    private static List<Long> seqs(List<Map<String, Object>> messages) {
        List<Long> seqs = new ArrayList<>();
        for (Map<String, Object> message : messages) {
            seqs.add((Long) message.get("seq"));
        }
        Set<Long> distinct = new HashSet<>(seqs);
        assertThat(distinct).as("sequence numbers received twice").hasSameSizeAs(seqs);
        return seqs;
    }

    static void assertHello(Map<String, Object> hello) {
        assertThat(hello).containsEntry("protocol", 1L)
                .containsKeys("worker", "session", "pid", "jvmVendor", "jvmVersion", "startTimeMillis",
                        "heapMaxBytes", "agentVersion", "gcName");
    }

    static void assertSampleFields(List<Map<String, Object>> samples) {
        assertThat(samples).hasSizeGreaterThanOrEqualTo(5);
        for (Map<String, Object> sample : samples) {
            assertThat(sample).containsKeys("seq", "timeMillis", "heapUsedBytes", "heapCommittedBytes",
                    "heapMaxBytes", "directBytes", "agentCpuNanos", "droppedTotal", "bufferUsed", "bufferCapacity");
        }
        Map<String, Object> last = samples.get(samples.size() - 1);
        assertThat(last).containsKeys("rssBytes", "rssSource", "metaspaceUsedBytes", "metaspaceCommittedBytes",
                "codeCacheBytes", "compiledMethods", "loadedClasses", "unloadedClasses", "physicalTotalBytes");
        assertThat(last.values()).doesNotContainNull();
        assertThat((Long) last.get("rssBytes")).isPositive();
        assertThat(last.get("malformedJfrEvents")).isEqualTo(0L);
    }

    static void assertGcFields(List<Map<String, Object>> gcs) {
        assertThat(gcs).isNotEmpty();
        for (Map<String, Object> gc : gcs) {
            // No heapBeforeBytes requirement: a concurrent cycle that began before the stream has none.
            assertThat(gc).containsKeys("seq", "timeMillis", "gcId", "name", "cause", "kind", "pauseNanos",
                    "heapAfterBytes");
            assertThat(gc.get("kind")).isIn("young", "mixed", "old", "full");
        }
        assertThat(gcs).anySatisfy(gc -> assertThat(gc).containsEntry("cause", "System.gc()"));
    }
}
