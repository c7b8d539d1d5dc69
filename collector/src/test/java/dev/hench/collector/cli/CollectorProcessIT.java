package dev.hench.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hench.collector.ingest.IngestSettings;
import dev.hench.collector.ingest.ProtocolClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector jar as a real process, driven by test clients that speak the wire protocol. */
class CollectorProcessIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void invalidConfigExitsWithEveryProblem() throws Exception {
        Path config = dir.resolve("collector.properties");
        Files.writeString(config, "workers.gracePeriod=forever\ningest.maxConnections=-3\n");

        Process process = CollectorProcess.runToEnd(dir, "--config", config.toString(),
                "--set", "leak.gc.timeShare=7", "--set", "nonsense", "--http", "8.8.8.8:80");

        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr).contains("invalid configuration (5 problems)");
        assertThat(stderr).contains("workers.gracePeriod was 'forever' (" + config + ")");
        assertThat(stderr).contains("ingest.maxConnections was '-3'");
        assertThat(stderr).contains("leak.gc.timeShare was '7' (flag)");
        assertThat(stderr).contains("--set 'nonsense' must be KEY=VALUE");
        assertThat(stderr).contains("http.listen was '8.8.8.8:80'");
    }

    @Test
    void socketFileIsOwnerOnly() throws Exception {
        try (CollectorProcess collector = CollectorProcess.start(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(collector.socket())))
                    .isEqualTo("rw-------");
            assertThat(collector.stop()).isZero();
            assertThat(collector.socket()).doesNotExist();
        }
    }

    @Test
    void malformedClientsDoNotDisturbWellBehavedOne() throws Exception {
        try (CollectorProcess collector = CollectorProcess.start(dir, "--set", "ingest.helloTimeout=1s");
                ProtocolClient good = ProtocolClient.connect(collector.socket())) {
            good.send(ProtocolClient.hello("good", "s-good", 1));
            good.send(ProtocolClient.sample(1, 1000, 50 * MIB));
            good.awaitLine(line -> line.contains("\"ack\",\"seq\":1"), WAIT);

            try (ProtocolClient garbage = ProtocolClient.connect(collector.socket());
                    ProtocolClient oversized = ProtocolClient.connect(collector.socket());
                    ProtocolClient wrongVersion = ProtocolClient.connect(collector.socket());
                    ProtocolClient silent = ProtocolClient.connect(collector.socket())) {
                garbage.send(ProtocolClient.hello("garbage", "s-g", 1));
                garbage.send("{\"type\":\"sample\",\"seq\":");
                byte[] huge = new byte[IngestSettings.MAX_LINE_BYTES * 2];
                Arrays.fill(huge, (byte) ' ');
                oversized.sendRaw(huge);
                wrongVersion.send(ProtocolClient.hello("old", "s-o", 99));
                for (ProtocolClient bad : List.of(garbage, oversized, wrongVersion, silent)) {
                    bad.awaitClosedByPeer(WAIT);
                }
            }

            good.send(ProtocolClient.sample(2, 2000, 50 * MIB));
            good.awaitLine(line -> line.contains("\"ack\",\"seq\":2"), WAIT);
            assertThat(good.isClosedByPeer()).isFalse();
            String metrics = collector.get("/metrics");
            assertThat(metrics).contains("hench_ingest_connections_closed_total{reason=\"malformed\"} 1.0");
            assertThat(metrics).contains("hench_ingest_connections_closed_total{reason=\"oversized\"} 1.0");
            assertThat(metrics).contains("hench_ingest_connections_closed_total{reason=\"protocol_version\"} 1.0");
            assertThat(metrics).contains("hench_ingest_connections_closed_total{reason=\"no_hello\"} 1.0");
            assertThat(collector.log()).contains("reason=protocol_version: hello has protocol 99");
        }
    }

    @Test
    void leakAlertReachesLogJfrMetricsAndAgent() throws Exception {
        try (CollectorProcess collector = CollectorProcess.start(dir, "--set", "leak.minEvidence=30s",
                "--set", "leak.refitInterval=5s", "--set", "jfr.dumpInterval=1s");
                ProtocolClient agent = ProtocolClient.connect(collector.socket())) {
            agent.send(ProtocolClient.hello("leaky", "0123456789abcdef", 1));
            // Observation time, not wall time, drives the detector: 4 minutes of a 30 MiB/min leak at once.
            for (int second = 0; second < 240; second++) {
                long heapAfter = 40 * MIB + second * MIB / 2;
                long timeMillis = 1_000_000L + second * 1000L;
                agent.send(ProtocolClient.gc(2 * second + 1, timeMillis, "old", heapAfter));
                // Flat JIT and class-loading counters tell the detector that warmup is over.
                agent.send(ProtocolClient.sample(2 * second + 2, timeMillis, heapAfter + 8 * MIB));
            }

            String pushed = agent.awaitLine(line -> line.contains("\"type\":\"alert\""), WAIT);
            assertThat(pushed).contains("\"signal\":\"heap\"").contains("\"state\":\"raised\"");
            assertThat(collector.log()).containsPattern("ALERT id=heap-01234567-1 worker=leaky .*state=raised");
            assertThat(collector.get("/metrics")).contains("hench_worker_alerts_total{level=\"");
            await().atMost(WAIT).until(() -> leakEvents(collector.jfrFile()).size() == 1);
            assertThat(collector.stop()).isZero();
        }
        RecordedEvent event = leakEvents(dir.resolve("collector.jfr")).get(0);
        assertThat(event.getString("worker")).isEqualTo("leaky");
        assertThat(event.getString("signal")).isEqualTo("heap");
        assertThat(event.getDouble("slopeBytesPerMinute") / MIB).isBetween(25.0, 35.0);
    }

    private static List<RecordedEvent> leakEvents(Path jfr) throws Exception {
        if (!Files.exists(jfr)) {
            return List.of();
        }
        return RecordingFile.readAllEvents(jfr).stream()
                .filter(event -> event.getEventType().getName().equals("hench.LeakSuspected"))
                .collect(Collectors.toList());
    }
}
