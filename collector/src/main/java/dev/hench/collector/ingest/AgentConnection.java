package dev.hench.collector.ingest;

import dev.hench.collector.signal.Observation;
import dev.hench.collector.worker.WorkerIdentity;
import dev.hench.collector.worker.WorkerSeries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent connection, read by its own thread: frames lines at {@code \n} with the size cap,
 * expects {@code hello} first, replies with {@code welcome}, then passes each message to the
 * {@link IngestPipeline}. Bad input closes this connection only, with a logged reason and a
 * counted metric.
 */
final class AgentConnection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(AgentConnection.class);
    private static final int PROTOCOL_VERSION = 1;
    private static final int MAX_LINE = IngestSettings.MAX_LINE_BYTES;

    private final long id;
    private final SocketChannel channel;
    private final IngestServer server;
    private final Outbound outbound;
    private final Thread writerThread;
    private final WireMessage message = new WireMessage();
    private final byte[] buffer = new byte[2 * MAX_LINE + 2];
    private final long openedNanos = System.nanoTime();

    private volatile long lastReadNanos = openedNanos;
    private volatile WorkerSeries series;
    private volatile CloseReason closeReason;
    private volatile String closeDetail;
    private final AtomicLong droppedOutbound = new AtomicLong();
    private volatile long lastAckedSeq;
    private long lastAckNanos;
    private WireRecorder.SessionFile recording;

    AgentConnection(long id, SocketChannel channel, IngestServer server) {
        this.id = id;
        this.channel = channel;
        this.server = server;
        this.outbound = new Outbound(channel, server.settings().outboundQueueLines(), id);
        this.writerThread = new Thread(outbound, "hench-ingest-conn-" + id + "-out");
        writerThread.setDaemon(true);
    }

    long id() {
        return id;
    }

    /** Returns the series after hello, or null before it. */
    WorkerSeries series() {
        return series;
    }

    @Override
    public void run() {
        writerThread.start();
        try {
            readLoop();
        } catch (ClosedChannelException e) {
            // Closed by close(): the ticker, a replacing connection or shutdown set the reason first.
            closeIfOpen(CloseReason.IO_ERROR, "channel closed: " + e);
        } catch (IOException e) {
            closeIfOpen(CloseReason.IO_ERROR, e.toString());
        } catch (MalformedLineException e) {
            server.metrics().malformedLine();
            closeIfOpen(CloseReason.MALFORMED, e.getMessage());
        } catch (RuntimeException e) {
            log.error("connection #{} failed worker={}", id, describe(), e);
            closeIfOpen(CloseReason.IO_ERROR, e.toString());
        } finally {
            finish();
        }
    }

    // Kept whole: the framing indices are easier to check in one place.
    private void readLoop() throws IOException, MalformedLineException {
        ByteBuffer window = ByteBuffer.wrap(buffer);
        int start = 0;
        int end = 0;
        int scanFrom = 0;
        while (closeReason == null) {
            for (int i = scanFrom; i < end; i++) {
                if (buffer[i] == '\n') {
                    handleLine(start, i - start);
                    start = i + 1;
                }
            }
            if (closeReason != null) {
                return;
            }
            if (end - start > MAX_LINE) {
                oversized(end - start);
                return;
            }
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
            scanFrom = end;
            flushRecording();
            window.limit(buffer.length).position(end);
            int read = channel.read(window);
            if (read < 0) {
                closeIfOpen(CloseReason.PEER_CLOSED, end > 0 ? "ended inside a line" : "closed by the agent");
                return;
            }
            end += read;
            lastReadNanos = System.nanoTime();
        }
    }

    private void handleLine(int offset, int length) throws MalformedLineException, IOException {
        if (closeReason != null) {
            return;
        }
        int trimmed = length > 0 && buffer[offset + length - 1] == '\r' ? length - 1 : length;
        if (trimmed > MAX_LINE) {
            oversized(trimmed);
            return;
        }
        if (trimmed == 0) {
            return;
        }
        server.parser().parse(buffer, offset, trimmed, message);
        if (series == null) {
            hello(buffer, offset, trimmed);
            return;
        }
        // A replacing connection of the same session may still be finishing a line; the detector
        // takes one thread at a time per series.
        synchronized (series) {
            server.pipeline().accept(series, message);
        }
        if (recording != null) {
            recording.write(buffer, offset, trimmed);
        }
    }

    private void hello(byte[] line, int offset, int length) throws MalformedLineException, IOException {
        if (message.type != MessageType.HELLO) {
            throw new MalformedLineException("first line has type '" + message.typeName + "' but must be hello");
        }
        if (message.protocol != PROTOCOL_VERSION) {
            server.metrics().malformedLine();
            closeIfOpen(CloseReason.PROTOCOL_VERSION, "hello has protocol "
                    + (Observation.isPresent(message.protocol) ? message.protocol : "(missing)")
                    + " but this collector serves protocol " + PROTOCOL_VERSION);
            return;
        }
        if (isBlank(message.worker) || isBlank(message.session)) {
            throw new MalformedLineException("hello needs non-empty 'worker' and 'session'");
        }
        requireLoggableId("worker", message.worker);
        requireLoggableId("session", message.session);
        WorkerIdentity identity = message.helloIdentity();
        Thread.currentThread().setName("hench-ingest-" + identity.key().workerId());
        writerThread.setName("hench-ingest-" + identity.key().workerId() + "-out");
        series = server.attach(this, identity);
        long lastSeq = series.sequence().lastProcessedSeq();
        lastAckedSeq = lastSeq;
        send("{\"type\":\"welcome\",\"protocol\":1,\"lastSeq\":" + lastSeq + "}");
        sendGreetings();
        openRecording(line, offset, length);
        log.info("worker connected worker={} session={} pid={} jvm=\"{} {}\" agent={} connection=#{} lastSeq={}",
                identity.key().workerId(), identity.key().sessionId(), identity.pid(), identity.jvmVendor(),
                identity.jvmVersion(), identity.agentVersion(), id, lastSeq);
    }

    /**
     * Rejects an id with whitespace or control characters. Ids go unquoted into log lines, so a
     * newline or space in one could forge an ALERT line or its key=value fields.
     */
    private static void requireLoggableId(String field, String value) throws MalformedLineException {
        if (value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            String shown = value.codePoints()
                    .map(c -> Character.isWhitespace(c) || Character.isISOControl(c) ? '?' : c)
                    .limit(40)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            throw new MalformedLineException("hello '" + field + "' must not contain whitespace or "
                    + "control characters but was '" + shown + "' (those shown as ?, first 40 kept)");
        }
    }

    private void sendGreetings() {
        for (Supplier<String> greeting : server.greetings()) {
            String line = greeting.get();
            if (line != null) {
                send(line);
            }
        }
    }

    private void openRecording(byte[] line, int offset, int length) {
        WireRecorder recorder = server.recorder();
        if (recorder == null) {
            return;
        }
        try {
            recording = recorder.open(series.key());
            recording.write(line, offset, length);
        } catch (IOException e) {
            // Recording is a side output: the worker is still served without it.
            log.error("recording not started for worker={} in {}", describe(), recorder.dir(), e);
            if (recording != null) {
                closeRecording();
            }
        }
    }

    private void flushRecording() {
        if (recording == null) {
            return;
        }
        try {
            recording.flush();
        } catch (IOException e) {
            log.error("recording stopped, write failed worker={} file={}", describe(), recording.path(), e);
            closeRecording();
        }
    }

    private void closeRecording() {
        WireRecorder.SessionFile file = recording;
        recording = null;
        try {
            file.close();
        } catch (IOException e) {
            log.error("closing the record file failed file={}", file.path(), e);
        }
    }

    private void oversized(int lengthBytes) {
        server.metrics().malformedLine();
        closeIfOpen(CloseReason.OVERSIZED, "line of at least " + lengthBytes
                + " bytes is over the cap of " + MAX_LINE + " bytes");
    }

    /** Queues a line for the agent; returns false when the queue is full. */
    boolean send(String jsonLine) {
        if (outbound.offer(jsonLine)) {
            return true;
        }
        server.metrics().outboundDropped();
        long dropped = droppedOutbound.incrementAndGet();
        // Logged at the first drop and every 1000th after it, because a stuck agent drops every line.
        if (dropped == 1 || dropped % 1000 == 0) {
            log.warn("lines to agent dropped, queue full connection=#{} worker={} droppedSoFar={}", id, describe(),
                    dropped);
        }
        return false;
    }

    /** Runs on the ticker: closes the connection on timeouts, sends a due acknowledgement. */
    void tick(long nowNanos) {
        IngestSettings settings = server.settings();
        if (series == null && nowNanos - openedNanos > settings.helloTimeout().toNanos()) {
            close(CloseReason.NO_HELLO, "no hello within " + settings.helloTimeout().toMillis() + " ms");
            return;
        }
        if (nowNanos - lastReadNanos > settings.idleTimeout().toNanos()) {
            close(CloseReason.IDLE, "nothing received within " + settings.idleTimeout().toSeconds() + " s");
            return;
        }
        WorkerSeries current = series;
        if (current == null || nowNanos - lastAckNanos < settings.ackInterval().toNanos()) {
            return;
        }
        long processed = current.sequence().lastProcessedSeq();
        if (processed > lastAckedSeq && send("{\"type\":\"ack\",\"seq\":" + processed + "}")) {
            lastAckedSeq = processed;
            lastAckNanos = nowNanos;
        }
    }

    /** Closes the connection from any thread; the first reason given is the one logged. */
    void close(CloseReason reason, String detail) {
        if (closeIfOpen(reason, detail)) {
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("closing connection #{} failed: {}", id, e.toString());
            }
        }
    }

    private synchronized boolean closeIfOpen(CloseReason reason, String detail) {
        if (closeReason != null) {
            return false;
        }
        closeReason = reason;
        closeDetail = detail;
        return true;
    }

    private void finish() {
        outbound.stop();
        // The writer may be blocked on a full socket or, rarely, miss the stop marker; it ends either way.
        writerThread.interrupt();
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("closing connection #{} failed: {}", id, e.toString());
        }
        if (recording != null) {
            flushRecording();
            if (recording != null) {
                closeRecording();
            }
        }
        CloseReason reason = closeReason == null ? CloseReason.IO_ERROR : closeReason;
        server.detach(this, reason);
        if (reason == CloseReason.PEER_CLOSED || reason == CloseReason.SHUTDOWN || reason == CloseReason.REPLACED) {
            log.info("worker disconnected connection=#{} worker={} reason={} ({})", id, describe(), reason.tag(),
                    closeDetail);
        } else {
            log.warn("connection closed connection=#{} worker={} reason={}: {}", id, describe(), reason.tag(),
                    closeDetail);
        }
    }

    private String describe() {
        WorkerSeries current = series;
        return current == null ? "(before hello)" : current.key().toString();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
