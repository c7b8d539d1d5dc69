package dev.hench.agent.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.hench.agent.StderrLog;
import dev.hench.agent.admission.AdmissionBoard;
import dev.hench.agent.api.AdmissionLevel;
import dev.hench.agent.options.CollectorAddress;
import dev.hench.agent.poll.AgentCpuClock;
import dev.hench.agent.poll.LatestReadings;
import dev.hench.agent.wire.MessageRing;

/**
 * The sender: the one thread that talks to the collector. It connects, sends {@code hello}, waits
 * for {@code welcome}, resends every buffered message after the collector's {@code lastSeq}, then
 * streams new messages and applies the collector's {@code ack}, {@code admission}, {@code alert}
 * and {@code detail} messages. When the collector is away it retries with capped exponential
 * backoff and full jitter, while the buffer keeps the newest messages.
 *
 * <p>The worker never waits on this thread: producers only append to the {@link MessageRing}, and
 * this thread polls the ring every {@value #POLL_MILLIS} ms.
 */
public final class CollectorLink implements Runnable {

    static final long POLL_MILLIS = 100;
    static final long WELCOME_TIMEOUT_MILLIS = 10_000;
    static final long BACKOFF_BASE_MILLIS = 200;
    static final long BACKOFF_CAP_MILLIS = 30_000;

    /** Throttle key shared by "lost connection" and "unreachable", so one outage prints one line. */
    private static final String UNREACHABLE = "collector-unreachable";
    private static final int MAX_INCOMING_LINE_BYTES = MessageRing.MAX_LINE_BYTES;

    private final CollectorAddress address;
    private final MessageRing ring;
    private final byte[] helloLine;
    private final CollectorCommands commands;
    private final AgentCpuClock cpuClock;
    private final LatestReadings counters;
    private final ReconnectBackoff backoff = new ReconnectBackoff(BACKOFF_BASE_MILLIS, BACKOFF_CAP_MILLIS,
            bound -> ThreadLocalRandom.current().nextLong(bound));
    private final ByteBuffer outgoing = ByteBuffer.allocateDirect(2 * MessageRing.MAX_LINE_BYTES);
    private final ByteBuffer incoming = ByteBuffer.allocateDirect(16 * 1024);
    private final byte[] lineBytes = new byte[MAX_INCOMING_LINE_BYTES];
    private int lineLength;
    private boolean discardingLongLine;
    private volatile boolean stopped;

    private volatile boolean welcomed;
    private volatile boolean backingOff;
    private long nextSeq;

    public CollectorLink(CollectorAddress address, MessageRing ring, byte[] helloLine, CollectorCommands commands,
            AgentCpuClock cpuClock, LatestReadings counters) {
        this.address = address;
        this.ring = ring;
        this.helloLine = helloLine.clone();
        this.commands = commands;
        this.cpuClock = cpuClock;
        this.counters = counters;
    }

    /**
     * Waits until the collector has acknowledged every buffered message, a connection attempt
     * failed, or {@code timeoutMillis} passed; used by the shutdown hook so a short-lived worker's
     * last samples reach the collector.
     */
    public void awaitAcknowledged(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!backingOff && ring.used() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Makes {@link #run()} return soon; used by tests and the benchmark. */
    public void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped) {
            cpuClock.recordCurrentThread(AgentCpuClock.SENDER);
            try (SocketChannel channel = SocketChannel.open(address.toSocketAddress())) {
                converse(channel);
            } catch (IOException | RuntimeException e) {
                reportFailure(e);
                welcomed = false;
            }
            AdmissionBoard.publish(AdmissionLevel.UNKNOWN, List.of("not connected to the collector"));
            if (!stopped) {
                backingOff = true;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff.nextDelayMillis()));
                backingOff = false;
            }
        }
    }

    private void reportConnected() {
        long failures = StderrLog.clear(UNREACHABLE);
        if (failures > 0) {
            StderrLog.print("connected to collector at " + address + " after " + failures + " failed attempts");
        }
    }

    private void reportFailure(Exception e) {
        String what = welcomed ? "lost connection to collector at " : "collector unreachable at ";
        StderrLog.throttled(UNREACHABLE, what + address + " (" + e.getMessage() + "); keeping up to "
                + ring.capacity() + " messages and retrying with backoff up to " + BACKOFF_CAP_MILLIS / 1000 + "s");
    }

    private void converse(SocketChannel channel) throws IOException {
        welcomed = false;
        lineLength = 0;
        discardingLongLine = false;
        incoming.clear();
        outgoing.clear();
        outgoing.put(helloLine).flip();
        channel.configureBlocking(false);
        long welcomeDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WELCOME_TIMEOUT_MILLIS);
        try (Selector selector = Selector.open()) {
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            while (!stopped) {
                fillOutgoing();
                channel.write(outgoing);
                key.interestOps(outgoing.hasRemaining()
                        ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                selector.select(POLL_MILLIS);
                selector.selectedKeys().clear();
                readAvailable(channel);
                if (!welcomed && System.nanoTime() > welcomeDeadline) {
                    throw new IOException("no welcome within " + WELCOME_TIMEOUT_MILLIS + " ms");
                }
                cpuClock.recordCurrentThread(AgentCpuClock.SENDER);
            }
        }
    }

    private void fillOutgoing() {
        if (!welcomed || outgoing.hasRemaining()) {
            return;
        }
        outgoing.clear();
        nextSeq = ring.copyLines(nextSeq, outgoing);
        outgoing.flip();
    }

    private void readAvailable(SocketChannel channel) throws IOException {
        while (true) {
            incoming.clear();
            int read = channel.read(incoming);
            if (read < 0) {
                throw new IOException("collector closed the connection");
            }
            if (read == 0) {
                return;
            }
            incoming.flip();
            splitLines();
        }
    }

    private void splitLines() throws IOException {
        while (incoming.hasRemaining()) {
            byte b = incoming.get();
            if (b == '\n') {
                if (!discardingLongLine) {
                    handleLine(new String(lineBytes, 0, lineLength, StandardCharsets.UTF_8));
                }
                lineLength = 0;
                discardingLongLine = false;
            } else if (lineLength < lineBytes.length) {
                lineBytes[lineLength++] = b;
            } else if (!discardingLongLine) {
                discardingLongLine = true;
                StderrLog.throttled("collector-long-line",
                        "ignored a collector message longer than " + MAX_INCOMING_LINE_BYTES + " bytes");
            }
        }
    }

    private void handleLine(String line) throws IOException {
        if (line.isBlank()) {
            return;
        }
        Map<String, Object> message;
        try {
            message = JsonReader.parseObject(line);
        } catch (IllegalArgumentException e) {
            StderrLog.throttled("collector-malformed", "ignored a malformed collector message: " + e.getMessage());
            return;
        }
        handleMessage(message);
    }

    void handleMessage(Map<String, Object> message) throws IOException {
        Object type = message.get("type");
        if ("welcome".equals(type)) {
            handleWelcome(message);
        } else if ("ack".equals(type)) {
            ring.acknowledge(longField(message, "seq", 0));
        } else if ("admission".equals(type)) {
            handleAdmission(message);
        } else if ("alert".equals(type) || "detail".equals(type)) {
            carryOut(message);
        } else {
            counters.unknownCollectorMessages++;
        }
    }

    /** Runs an alert or detail request; a failure is printed and must not end the connection. */
    private void carryOut(Map<String, Object> message) {
        try {
            if ("alert".equals(message.get("type"))) {
                commands.alert(message);
            } else {
                commands.detail(stringField(message, "requestId"), longField(message, "durationSeconds", 60));
            }
        } catch (RuntimeException e) {
            StderrLog.throttled("collector-request", "collector " + message.get("type") + " request failed: " + e);
        }
    }

    private void handleWelcome(Map<String, Object> message) throws IOException {
        long protocol = longField(message, "protocol", HelloMessage.PROTOCOL_VERSION);
        if (protocol != HelloMessage.PROTOCOL_VERSION) {
            throw new IOException("collector speaks protocol " + protocol + ", this agent speaks "
                    + HelloMessage.PROTOCOL_VERSION);
        }
        long lastSeq = longField(message, "lastSeq", 0);
        ring.acknowledge(lastSeq);
        nextSeq = lastSeq + 1;
        welcomed = true;
        backoff.reset();
        // Only a welcome of this protocol ends an outage. Clearing the throttle on the socket
        // connect printed two lines per attempt against a collector that rejects the handshake.
        reportConnected();
    }

    private static void handleAdmission(Map<String, Object> message) {
        AdmissionLevel level = AdmissionLevel.parse(stringField(message, "level"));
        Object reasons = message.get("reasons");
        List<String> reasonTexts = new java.util.ArrayList<>();
        if (reasons instanceof List<?>) {
            for (Object reason : (List<?>) reasons) {
                reasonTexts.add(String.valueOf(reason));
            }
        }
        AdmissionBoard.publish(level, reasonTexts);
    }

    private static long longField(Map<String, Object> message, String name, long defaultValue) {
        Object value = message.get(name);
        return value instanceof Long ? (Long) value : defaultValue;
    }

    private static String stringField(Map<String, Object> message, String name) {
        Object value = message.get(name);
        return value instanceof String ? (String) value : null;
    }
}
