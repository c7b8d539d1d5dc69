package dev.hench.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.hench.agent.transport.TestCollector;
import dev.hench.itworker.ChurnWorker;

/** GC events from each collector of JDK 17 arrive with the names and kinds that docs/agent.md lists. */
class GcMatrixIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "-XX:+UseParallelGC, Parallel, ParallelOld, full",
        "-XX:+UseSerialGC, Serial, SerialOld, full",
        "-XX:+UseZGC, Z, Z, old",
    })
    void collectorNamesAndKinds(String flag, String family, String systemGcName, String systemGcKind)
            throws Exception {
        try (TestCollector collector = TestCollector.unix(dir.resolve("c.sock"))) {
            WorkerProcess worker = WorkerProcess.onCurrentJdk(dir.resolve("worker"))
                    .agent("collector=" + collector.address() + ",interval=200ms")
                    .jvmOption(flag)
                    .start(ChurnWorker.class, "4500");

            assertThat(worker.waitForExit()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> !collector.received("gc").isEmpty());

            assertThat(collector.received("hello").get(0)).containsEntry("gcName", family);
            List<Map<String, Object>> gcs = collector.received("gc");
            AgentStreamingIT.assertGcFields(gcs);
            Set<String> systemGcs = gcs.stream()
                    .filter(gc -> "System.gc()".equals(gc.get("cause")))
                    .map(gc -> gc.get("name") + " " + gc.get("kind"))
                    .collect(Collectors.toSet());
            assertThat(systemGcs).contains(systemGcName + " " + systemGcKind);
        }
    }
}
