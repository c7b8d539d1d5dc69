package dev.hench.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hench.agent.admission.AdmissionBoard;
import dev.hench.agent.api.AdmissionLevel;
import dev.hench.agent.options.OptionsParser;
import dev.hench.agent.poll.AgentCpuClock;
import dev.hench.agent.poll.LatestReadings;
import dev.hench.agent.wire.MessageRing;

class CollectorLinkTest {

    @TempDir
    Path dir;

    private final MessageRing ring = new MessageRing(32, 128);
    private final LatestReadings counters = new LatestReadings();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private CollectorLink link;
    private Thread sender;

    private void startLink(TestCollector collector) {
        startLink(collector.address());
    }

    private void startLink(String collectorAddress) {
        var address = new OptionsParser(Map.of(), Map.of())
                .parse("collector=" + collectorAddress).options().collector();
        link = new CollectorLink(address, ring, HelloMessage.encode("unit", "0123456789abcdef", "test"),
                new CollectorCommands() {
                    @Override
                    public void alert(Map<String, Object> fields) {
                        commands.add("alert " + fields.get("id"));
                    }

                    @Override
                    public void detail(String requestId, long durationSeconds) {
                        commands.add("detail " + requestId + " " + durationSeconds);
                    }
                }, new AgentCpuClock(), counters);
        sender = new Thread(link, "test-sender");
        sender.setDaemon(true);
        sender.start();
    }

    @AfterEach
    void stopLink() throws InterruptedException {
        if (link != null) {
            link.stop();
            sender.join(5_000);
        }
    }

    @Test
    void sendsBufferedMessagesAfterWelcomeAndFreesAcknowledged() throws Exception {
        ring.append("sample", writer -> writer.field("v", 1L));
        ring.append("sample", writer -> writer.field("v", 2L));
        try (TestCollector collector = TestCollector.unix(dir.resolve("c.sock"))) {
            startLink(collector);

            await().atMost(Duration.ofSeconds(5)).until(() -> collector.received("sample").size() == 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> ring.used() == 0);
            assertThat(collector.received().get(0)).containsEntry("type", "hello");
        }
    }

    @Test
    void collectorRequestsReachTheirHandlers() throws Exception {
        List<String> pushes = List.of(
                "{\"type\":\"alert\",\"id\":\"a-1\"}",
                "{\"type\":\"detail\",\"requestId\":\"d-1\",\"durationSeconds\":30}",
                "{\"type\":\"admission\",\"level\":\"REFUSE\",\"reasons\":[\"full\"]}",
                "{\"type\":\"from-the-future\"}",
                "not json at all",
                "{\"type\":\"ack\",\"seq\":\"not a number\"}");
        try (TestCollector collector = TestCollector.unix(dir.resolve("c.sock"), new TestCollector.SessionStore(),
                message -> "hello".equals(message.get("type")) ? pushes : List.of())) {
            startLink(collector);

            await().atMost(Duration.ofSeconds(5)).until(() -> commands.size() == 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> counters.unknownCollectorMessages == 1);
            assertThat(commands).containsExactly("alert a-1", "detail d-1 30");
            assertThat(AdmissionBoard.level()).isEqualTo(AdmissionLevel.REFUSE);
            assertThat(AdmissionBoard.reasons()).containsExactly("full");
            ring.append("sample", writer -> writer.field("v", 3L));
            await().atMost(Duration.ofSeconds(5)).until(() -> collector.received("sample").size() == 1);
        }
    }

    @Test
    void lostConnectionResetsAdmissionToUnknown() throws Exception {
        TestCollector collector = TestCollector.unix(dir.resolve("c.sock"), new TestCollector.SessionStore(),
                message -> "hello".equals(message.get("type"))
                        ? List.of("{\"type\":\"admission\",\"level\":\"DELAY\"}") : List.of());
        startLink(collector);
        await().atMost(Duration.ofSeconds(5)).until(() -> AdmissionBoard.level() == AdmissionLevel.DELAY);

        collector.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> AdmissionBoard.level() == AdmissionLevel.UNKNOWN);
    }

    @Test
    void rejectedHandshakesPrintNoConnectedLine() throws Exception {
        Path socket = dir.resolve("v2.sock");
        AtomicInteger accepted = new AtomicInteger();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = new Thread(() -> answerWithProtocolTwo(server, accepted), "test-v2");
            acceptor.setDaemon(true);
            acceptor.start();
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            startLink("unix:" + socket);

            await().atMost(Duration.ofSeconds(20)).until(() -> accepted.get() >= 3);
        } finally {
            System.setErr(originalErr);
        }

        String printed = stderr.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("connected to collector");
        assertThat(printed.lines().filter(line -> line.contains("protocol 2"))).hasSizeLessThanOrEqualTo(1);
    }

    /** Acts as a collector of another protocol version: replies to each hello with a version-2 welcome. */
    private static void answerWithProtocolTwo(ServerSocketChannel server, AtomicInteger accepted) {
        ByteBuffer welcome = ByteBuffer.wrap(
                "{\"type\":\"welcome\",\"protocol\":2,\"lastSeq\":0}\n".getBytes(StandardCharsets.UTF_8));
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                accepted.incrementAndGet();
                client.read(ByteBuffer.allocate(4096));
                client.write(welcome.duplicate());
            } catch (IOException e) {
                return;
            }
        }
    }
}
