package dev.hench.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hench.collector.admission.WorkerContainers;
import dev.hench.collector.budget.BudgetSettings;
import dev.hench.collector.budget.ChildMemoryCgroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample worker with the agent runs inside a real child memory cgroup limited to 512 MiB.
 * The agent reports the cgroup path in its hello and the JDK's container-aware physical memory
 * (the limit) in its samples. The collector lists the path in {@code /v1/workers}, and the
 * per-worker budget read from that path finds the same limit. Skips, saying why, where cgroups
 * cannot be created.
 */
class AgentCgroupIT {

    private static final long LIMIT_BYTES = 512L << 20;
    private static final String WORKER = "cg-1";

    @TempDir
    Path dir;

    @Test
    void agentAndCollectorSeeWorkerLimit() throws Exception {
        Path wire = dir.resolve("wire");
        try (ChildMemoryCgroup cgroup = ChildMemoryCgroup.create(LIMIT_BYTES);
                CollectorProcess collector = CollectorProcess.start(dir, "--record",
                        wire.toString())) {
            Process worker = startWorker(cgroup, collector.socket());
            try {
                JsonNode listed = awaitListed(collector);
                assertThat(listed.get("cgroupPath").asText()).isEqualTo(cgroup.path());

                WorkerContainers.WorkerContainerUsage usage = new WorkerContainers(
                        BudgetSettings.defaults()).read(WORKER, cgroup.path()).orElseThrow();
                assertThat(usage.budget().cgroupDir()).isEqualTo(cgroup.dir().toString());
                assertThat(usage.budget().limit().bytes()).isEqualTo(LIMIT_BYTES);
                assertThat(usage.message()).startsWith("worker cg-1's container is at ");

                await().atMost(Duration.ofSeconds(30)).until(() -> recordedLines(wire).anyMatch(
                        line -> line.contains("\"physicalTotalBytes\":" + LIMIT_BYTES)));
            } finally {
                worker.destroyForcibly();
                worker.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process startWorker(ChildMemoryCgroup cgroup, Path socket) throws IOException {
        Path agentJar = Path.of(System.getProperty("hench.agent.jar",
                "../agent/target/hench-agent.jar"));
        Path sampleJar = Path.of(System.getProperty("hench.sample.jar",
                "../sample-app/target/hench-sample-app.jar"));
        String agent = "-javaagent:" + agentJar + "=collector=unix:" + socket + ",worker=" + WORKER
                + ",interval=200ms";
        List<String> command = List.of(CollectorProcess.javaBinary().toString(), "-Xms32m",
                "-Xmx128m", agent, "-jar", sampleJar.toString(), "steady", "--duration", "60s",
                "--live-mib", "16");
        return cgroup.processBuilder(dir, command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("worker.out").toFile()).start();
    }

    private static JsonNode awaitListed(CollectorProcess collector) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> find(collector.get("/v1/workers")), node -> node != null);
    }

    private static JsonNode find(String workersJson) throws IOException {
        for (JsonNode node : new ObjectMapper().readTree(workersJson).path("workers")) {
            if (node.path("worker").asText().equals(WORKER)) {
                return node;
            }
        }
        return null;
    }

    private static Stream<String> recordedLines(Path wire) {
        if (!Files.isDirectory(wire)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(wire)) {
            List<Path> all = files.toList();
            return all.stream().flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
