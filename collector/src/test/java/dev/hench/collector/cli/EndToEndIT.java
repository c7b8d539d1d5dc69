package dev.hench.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real sample workers with the real shaded agent jar against the real collector process. */
class EndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void leakWorkerReportedSteadyWorkerNot() throws Exception {
        try (CollectorProcess collector = CollectorProcess.start(dir, "--set", "leak.minEvidence=30s",
                "--set", "leak.refitInterval=5s", "--set", "jfr.dumpInterval=1s");
                // A 256 MiB heap puts the leak's limit minutes away, so the detector needs only its
                // minimum evidence. On the JVM's default heap it would wait an eighth of several hours.
                SampleWorkerProcess steady = SampleWorkerProcess.startWithHeap(dir, collector.socket(), "steady-1",
                        "256m", "", "steady", "--duration", "170s", "--live-mib", "16");
                SampleWorkerProcess leak = SampleWorkerProcess.startWithHeap(dir, collector.socket(), "leak-1",
                        "256m", "", "leak", "--duration", "170s", "--rate-mib-per-min", "60")) {
            await().atMost(Duration.ofSeconds(100)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> collector.log().contains("worker=leak-1 session="));
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> collector.log().matches("(?s).*ALERT [^\\n]*worker=leak-1 [^\\n]*state=raised.*"));

            String metrics = collector.get("/metrics");
            String steadyTags = "\\{session=\"[0-9a-f]+\",worker=\"steady-1\"\\}";
            assertThat(metrics).containsPattern("hench_worker_connected" + steadyTags + " 1.0");
            assertThat(metrics).containsPattern("hench_worker_samples_total" + steadyTags);
            assertThat(collector.log()).doesNotContainPattern("ALERT [^\\n]*worker=steady-1 ");
            assertThat(collector.stop()).isZero();
        }
    }

    @Test
    void collectorRestartLosesNothingAndCountsNothingTwice() throws Exception {
        Path records = dir.resolve("records");
        Path firstDir = dir.resolve("first");
        Path secondDir = dir.resolve("second");
        CollectorProcess first = CollectorProcess.start(firstDir, "--record", records.toString());
        Path socket = first.socket();
        try (SampleWorkerProcess worker = SampleWorkerProcess.start(dir, socket, "steady-r", "interval=200ms",
                "steady", "--duration", "30s", "--live-mib", "8")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> recordedSeqs(records).size() >= 10);
            first.kill();
            // The agent notices the lost connection and keeps sampling into its buffer meanwhile.
            Path workerOutput = dir.resolve("worker-steady-r.out");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> Files.readString(workerOutput).contains("lost connection to collector"));
            try (CollectorProcess second = CollectorProcess.startOn(secondDir, socket,
                    "--record", records.toString())) {
                // On a loaded machine the second collector can take seconds to start, so wait for the
                // agent's reconnect before the worker's duration ends.
                await().atMost(Duration.ofSeconds(25)).until(() -> second.log().contains("worker connected"));
                assertThat(worker.awaitExit(60)).isTrue();
                await().atMost(Duration.ofSeconds(30)).until(() -> second.log().contains("worker disconnected"));
                String metrics = second.get("/metrics");
                assertThat(second.stop()).isZero();

                TreeSet<Long> seqs = recordedSeqs(records);
                assertThat(Files.readString(workerOutput)).contains("connected to collector at");
                assertThat(seqs.last()).isGreaterThan(50);
                assertThat(seqs.first()).isEqualTo(1);
                assertThat(seqs).hasSize((int) (long) seqs.last());
                List<Long> afterRestart = samplesAfterLastHello(records);
                assertThat(afterRestart).doesNotHaveDuplicates();
                assertThat(samplesTotal(metrics)).isEqualTo(afterRestart.size());
            }
        }
    }

    private static List<JsonNode> recordedLines(Path records) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.isDirectory(records)) {
            return lines;
        }
        try (Stream<Path> files = Files.list(records)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    private static TreeSet<Long> recordedSeqs(Path records) throws IOException {
        TreeSet<Long> seqs = new TreeSet<>();
        for (JsonNode line : recordedLines(records)) {
            if (line.has("seq")) {
                seqs.add(line.get("seq").asLong());
            }
        }
        return seqs;
    }

    private static List<Long> samplesAfterLastHello(Path records) throws IOException {
        List<Long> seqs = new ArrayList<>();
        for (JsonNode line : recordedLines(records)) {
            if (line.get("type").asText().equals("hello")) {
                seqs.clear();
            } else if (line.get("type").asText().equals("sample")) {
                seqs.add(line.get("seq").asLong());
            }
        }
        return seqs;
    }

    private static long samplesTotal(String metrics) {
        Matcher matcher = Pattern.compile("hench_worker_samples_total\\{[^}]*worker=\"steady-r\"\\} ([0-9.E]+)")
                .matcher(metrics);
        assertThat(matcher.find()).as("samples counter in:%n%s", metrics).isTrue();
        return (long) Double.parseDouble(matcher.group(1));
    }
}
