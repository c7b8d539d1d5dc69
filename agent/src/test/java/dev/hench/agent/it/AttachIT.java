package dev.hench.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.tools.attach.VirtualMachine;

import dev.hench.agent.transport.TestCollector;
import dev.hench.itworker.ChurnWorker;

/** The agent also starts when attached to a worker that is already running (Agent-Class). */
class AttachIT {

    @TempDir
    Path dir;

    @Test
    void attachedAgentStreamsSamples() throws Exception {
        try (TestCollector collector = TestCollector.unix(dir.resolve("c.sock"))) {
            WorkerProcess worker = WorkerProcess.onCurrentJdk(dir.resolve("worker"))
                    .start(ChurnWorker.class, "6000");

            // Attach only once main runs: before the JVM's signal handlers exist, attaching could kill it.
            await().atMost(Duration.ofSeconds(10)).until(() -> worker.stdout().contains("churn started"));
            VirtualMachine vm = VirtualMachine.attach(Long.toString(worker.pid()));
            try {
                vm.loadAgent(WorkerProcess.agentJar().toString(),
                        "collector=" + collector.address() + ",interval=100ms");
            } finally {
                vm.detach();
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> collector.received("sample").size() >= 3);
            assertThat(worker.waitForExit()).isZero();
            assertThat(worker.stdout()).contains("churn done");
        }
    }
}
