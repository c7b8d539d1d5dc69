package dev.hench.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hench.agent.transport.TestCollector;
import dev.hench.itworker.ChurnWorker;

/** The agent, built for Java 17, also runs in workers on JDK 25, where RSS comes from JFR. */
class Jdk25IT {

    @TempDir
    Path dir;

    @Test
    void samplesAndGcEventsArriveOnJdk25() throws Exception {
        try (TestCollector collector = TestCollector.unix(dir.resolve("c.sock"))) {
            WorkerProcess worker = WorkerProcess.onJdk25(dir.resolve("worker"))
                    .agent("collector=" + collector.address() + ",interval=200ms,phase.churn="
                            + ChurnWorker.class.getName() + "#main")
                    .jvmOption("-XX:+UseZGC")
                    .start(ChurnWorker.class, "6000");

            assertThat(worker.waitForExit()).as("stderr: %s", worker.stderr()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> !collector.received("gc").isEmpty());

            AgentStreamingIT.assertHello(collector.received("hello").get(0));
            assertThat(collector.received("hello").get(0)).containsEntry("gcName", "Z");
            AgentStreamingIT.assertSampleFields(collector.received("sample"));
            AgentStreamingIT.assertGcFields(collector.received("gc"));
            Map<String, Object> last = collector.received("sample").get(collector.received("sample").size() - 1);
            assertThat(last).containsEntry("rssSource", "jfr");
            assertThat(collector.received("phase")).extracting(m -> m.get("event")).containsExactly("begin", "end");
            assertThat(worker.stderrAgentLines()).isEmpty();
        }
    }
}
