package dev.hench.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hench.collector.alert.AlertDispatcher;
import dev.hench.collector.config.Settings;
import dev.hench.collector.leak.HostMemory;
import dev.hench.collector.leak.RobustLeakDetector;
import dev.hench.collector.leak.LeakSettings;
import dev.hench.collector.signal.WorkerKey;
import dev.hench.collector.worker.WorkerRegistry;
import dev.hench.collector.worker.WorkerSeries;
import dev.hench.collector.worker.WorkerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private WorkerRegistry registry;
    private IngestServer server;
    private Path socket;

    private void start(Map<String, String> extra) throws IOException {
        socket = dir.resolve("run").resolve("c.sock");
        Map<String, String> values = new HashMap<>(Map.of(
                "ingest.listen", "unix:" + socket,
                "ingest.helloTimeout", "500ms",
                "ingest.ackInterval", "50ms"));
        values.putAll(extra);
        Settings settings = Settings.of(values);
        IngestSettings ingest = IngestSettings.from(settings);
        settings.validate();
        RobustLeakDetector detector = new RobustLeakDetector(LeakSettings.defaults(), worker -> HostMemory.totalBytes());
        registry = new WorkerRegistry(new WorkerSettings(Duration.ofMinutes(1), 64), detector);
        IngestMetrics metrics = new IngestMetrics(meters);
        IngestPipeline pipeline = new IngestPipeline(detector, new AlertDispatcher(meters), metrics);
        WireRecorder recorder = ingest.recordDir() == null ? null : new WireRecorder(ingest.recordDir());
        server = new IngestServer(ingest, registry, pipeline, metrics, recorder);
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ProtocolClient helloed(String worker, String session) throws IOException {
        ProtocolClient client = ProtocolClient.connect(socket);
        client.send(ProtocolClient.hello(worker, session, 1));
        client.awaitLine(line -> line.contains("\"welcome\""), WAIT);
        return client;
    }

    private double closed(String reason) {
        return meters.get("hench.ingest.connections.closed").tag("reason", reason).counter().count();
    }

    @Test
    void welcomeThenAckForSamples() throws Exception {
        start(Map.of());
        try (ProtocolClient client = helloed("w-1", "s-1")) {
            assertThat(client.received().get(0)).isEqualTo("{\"type\":\"welcome\",\"protocol\":1,\"lastSeq\":0}");
            for (int seq = 1; seq <= 5; seq++) {
                client.send(ProtocolClient.sample(seq, 1000L * seq, 50_000_000));
            }

            client.awaitLine(line -> line.equals("{\"type\":\"ack\",\"seq\":5}"), WAIT);
        }
    }

    @Test
    void reconnectResumesAfterLastSeqAndDropsDuplicates() throws Exception {
        start(Map.of());
        try (ProtocolClient first = helloed("w-1", "s-1")) {
            for (int seq = 1; seq <= 3; seq++) {
                first.send(ProtocolClient.sample(seq, 1000L * seq, 50_000_000));
            }
            first.awaitLine(line -> line.contains("\"seq\":3"), WAIT);
        }
        try (ProtocolClient second = helloed("w-1", "s-1")) {
            assertThat(second.received().get(0)).contains("\"lastSeq\":3");
            for (int seq = 2; seq <= 5; seq++) {
                second.send(ProtocolClient.sample(seq, 1000L * seq, 50_000_000));
            }
            second.awaitLine(line -> line.contains("\"seq\":5"), WAIT);
        }
        WorkerSeries series = registry.find(new WorkerKey("w-1", "s-1")).orElseThrow();
        assertThat(series.samplesReceived()).isEqualTo(5);
        assertThat(series.sequence().duplicateMessages()).isEqualTo(2);
    }

    @Test
    void newSessionOfSameWorkerStartsNewSeries() throws Exception {
        start(Map.of());
        try (ProtocolClient first = helloed("w-1", "s-1"); ProtocolClient second = helloed("w-1", "s-2")) {
            assertThat(second.received().get(0)).contains("\"lastSeq\":0");
        }
        assertThat(registry.all()).extracting(WorkerSeries::key)
                .containsExactlyInAnyOrder(new WorkerKey("w-1", "s-1"), new WorkerKey("w-1", "s-2"));
    }

    @Test
    void gapInSeqIsCounted() throws Exception {
        start(Map.of());
        try (ProtocolClient client = helloed("w-1", "s-1")) {
            client.send(ProtocolClient.sample(1, 1000, 50_000_000));
            client.send(ProtocolClient.sample(5, 5000, 50_000_000));
            client.awaitLine(line -> line.contains("\"seq\":5"), WAIT);
        }
        assertThat(registry.find(new WorkerKey("w-1", "s-1")).orElseThrow().sequence().missingMessages())
                .isEqualTo(3);
    }

    @Test
    void badClientsAreClosedAndGoodOneIsServed() throws Exception {
        start(Map.of());
        try (ProtocolClient good = helloed("good", "s-good");
                ProtocolClient garbage = helloed("garbage", "s-g");
                ProtocolClient oversized = helloed("big", "s-b");
                ProtocolClient wrongVersion = ProtocolClient.connect(socket);
                ProtocolClient silent = ProtocolClient.connect(socket)) {
            garbage.send("this is not json");
            byte[] huge = new byte[IngestSettings.MAX_LINE_BYTES + 10];
            Arrays.fill(huge, (byte) 'x');
            oversized.sendRaw(huge);
            wrongVersion.send(ProtocolClient.hello("old", "s-o", 2));

            for (ProtocolClient bad : List.of(garbage, oversized, wrongVersion, silent)) {
                bad.awaitClosedByPeer(WAIT);
            }
            good.send(ProtocolClient.sample(1, 1000, 50_000_000));
            good.awaitLine(line -> line.contains("\"ack\",\"seq\":1"), WAIT);
            assertThat(good.isClosedByPeer()).isFalse();
        }
        assertThat(closed("malformed")).isEqualTo(1);
        assertThat(closed("oversized")).isEqualTo(1);
        assertThat(closed("protocol_version")).isEqualTo(1);
        assertThat(closed("no_hello")).isEqualTo(1);
    }

    @Test
    void firstLineMustBeHello() throws Exception {
        start(Map.of());
        try (ProtocolClient client = ProtocolClient.connect(socket)) {
            client.send(ProtocolClient.sample(1, 1000, 5));

            client.awaitClosedByPeer(WAIT);
        }
        await().atMost(WAIT).until(() -> closed("malformed") == 1);
    }

    @Test
    void helloWithUnloggableIdsIsClosed() throws Exception {
        start(Map.of());
        String[][] idPairs = {
            {"w\\nALERT id=heap-x worker=steady-1 state=raised", "s-1"},
            {"has space", "s-2"},
            {"w-3", "s\\u001b[31m"},
        };
        for (String[] ids : idPairs) {
            try (ProtocolClient client = ProtocolClient.connect(socket)) {
                client.send(ProtocolClient.hello(ids[0], ids[1], 1));

                client.awaitClosedByPeer(WAIT);
            }
        }

        await().atMost(WAIT).until(() -> closed("malformed") == idPairs.length);
    }

    @Test
    void unknownTypesAreCountedNotFatal() throws Exception {
        start(Map.of());
        try (ProtocolClient client = helloed("w-1", "s-1")) {
            client.send("{\"type\":\"future-thing\",\"seq\":1,\"x\":[1]}");
            client.send(ProtocolClient.sample(2, 2000, 5));

            client.awaitLine(line -> line.contains("\"ack\",\"seq\":2"), WAIT);
        }
        assertThat(meters.get("hench.ingest.unknown.messages").counter().count()).isEqualTo(1);
    }

    @Test
    void socketFileIsOwnerOnly() throws Exception {
        start(Map.of());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void liveCollectorOnSocketIsNotReplaced() throws Exception {
        start(Map.of());
        IngestServer second = new IngestServer(server.settings(), registry, server.pipeline(), server.metrics(), null);

        assertThatThrownBy(second::start).isInstanceOf(IOException.class).hasMessageContaining("another collector");
    }

    @Test
    void staleSocketFileIsRemoved() throws Exception {
        start(Map.of());
        server.close();
        Files.createDirectories(socket.getParent());
        try (var stale = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            stale.bind(java.net.UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();

        start(Map.of());
        try (ProtocolClient client = helloed("w-1", "s-1")) {
            assertThat(client.received()).isNotEmpty();
        }
    }

    @Test
    void alertAndBroadcastLinesReachAgents() throws Exception {
        start(Map.of());
        try (ProtocolClient one = helloed("w-1", "s-1"); ProtocolClient two = helloed("w-2", "s-2")) {
            assertThat(server.send(new WorkerKey("w-1", "s-1"), "{\"type\":\"detail\",\"requestId\":\"a1\"}"))
                    .isTrue();
            assertThat(server.broadcast("{\"type\":\"admission\",\"level\":\"NORMAL\"}")).isEqualTo(2);

            one.awaitLine(line -> line.contains("\"detail\""), WAIT);
            one.awaitLine(line -> line.contains("\"admission\""), WAIT);
            two.awaitLine(line -> line.contains("\"admission\""), WAIT);
            assertThat(two.received()).noneMatch(line -> line.contains("\"detail\""));
        }
    }

    @Test
    void connectionsOverTheLimitAreClosed() throws Exception {
        start(Map.of("ingest.maxConnections", "1"));
        try (ProtocolClient first = helloed("w-1", "s-1"); ProtocolClient second = ProtocolClient.connect(socket)) {
            second.awaitClosedByPeer(WAIT);
        }
        assertThat(meters.get("hench.ingest.connections.rejected").counter().count()).isEqualTo(1);
    }

    @Test
    void recordDirGetsEveryAcceptedLine() throws Exception {
        Path records = dir.resolve("records");
        start(Map.of("ingest.recordDir", records.toString()));
        try (ProtocolClient client = helloed("w/1", "s-1")) {
            client.send(ProtocolClient.sample(1, 1000, 5));
            client.send(ProtocolClient.gc(2, 1001, "young", 4));
            client.awaitLine(line -> line.contains("\"ack\",\"seq\":2"), WAIT);
        }
        Path file = records.resolve("w_1-s-1.jsonl");
        await().atMost(WAIT).until(() -> Files.exists(file) && Files.readAllLines(file).size() == 3);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).contains("\"hello\"");
        assertThat(lines.get(2)).contains("\"gc\"");
    }

    @Test
    void tcpLoopbackWithPortZeroServesAgents() throws Exception {
        start(Map.of("ingest.listen", "tcp:127.0.0.1:0"));
        ListenAddress bound = server.boundAddress();
        assertThat(bound.kind()).isEqualTo(ListenAddress.Kind.TCP);
        assertThat(bound.toString()).doesNotEndWith(":0");

        try (ProtocolClient client = ProtocolClient.connect(bound.toSocketAddress())) {
            client.send(ProtocolClient.hello("w-1", "s-1", 1));
            client.send(ProtocolClient.sample(1, 1000, 5));

            client.awaitLine(line -> line.contains("\"ack\",\"seq\":1"), WAIT);
        }
    }
}
