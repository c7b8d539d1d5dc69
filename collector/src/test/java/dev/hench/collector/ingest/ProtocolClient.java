package dev.hench.collector.ingest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A test stand-in for the agent: speaks the wire protocol over a real socket and collects every
 * line the collector sends back, read by a background thread.
 */
public final class ProtocolClient implements AutoCloseable {

    private final SocketChannel channel;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean endOfStream;

    private ProtocolClient(SocketChannel channel) {
        this.channel = channel;
        this.reader = new Thread(this::readLoop, "test-protocol-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static ProtocolClient connect(Path socket) throws IOException {
        return connect(UnixDomainSocketAddress.of(socket));
    }

    public static ProtocolClient connect(SocketAddress address) throws IOException {
        return new ProtocolClient(SocketChannel.open(address));
    }

    public static String hello(String worker, String session, int protocol) {
        return "{\"type\":\"hello\",\"protocol\":" + protocol + ",\"worker\":\"" + worker + "\",\"session\":\""
                + session + "\",\"pid\":4242,\"jvmVendor\":\"Test\",\"jvmVersion\":\"17\","
                + "\"heapMaxBytes\":268435456,\"agentVersion\":\"test\"}";
    }

    public static String sample(long seq, long timeMillis, long heapUsedBytes) {
        return "{\"type\":\"sample\",\"seq\":" + seq + ",\"timeMillis\":" + timeMillis + ",\"heapUsedBytes\":"
                + heapUsedBytes + ",\"heapCommittedBytes\":134217728,\"heapMaxBytes\":268435456,"
                + "\"rssBytes\":201326592,\"metaspaceUsedBytes\":25165824,\"compiledMethods\":4000,"
                + "\"loadedClasses\":3000,\"droppedTotal\":0}";
    }

    public static String gc(long seq, long timeMillis, String kind, long heapAfterBytes) {
        return "{\"type\":\"gc\",\"seq\":" + seq + ",\"timeMillis\":" + timeMillis + ",\"gcId\":" + seq
                + ",\"name\":\"G1New\",\"kind\":\"" + kind + "\",\"pauseNanos\":1000000,\"heapAfterBytes\":"
                + heapAfterBytes + "}";
    }

    public void send(String line) throws IOException {
        sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Waits up to {@code timeout} for a received line that matches, and returns it. */
    public String awaitLine(Predicate<String> matcher, Duration timeout) {
        await().atMost(timeout).until(() -> received.stream().anyMatch(matcher));
        return received.stream().filter(matcher).reduce((first, second) -> second).orElseThrow();
    }

    /** Waits up to {@code timeout} until the collector closes the connection. */
    public void awaitClosedByPeer(Duration timeout) {
        await().atMost(timeout).until(() -> endOfStream);
    }

    public boolean isClosedByPeer() {
        return endOfStream;
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        StringBuilder line = new StringBuilder();
        try {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                String text = StandardCharsets.UTF_8.decode(buffer).toString();
                buffer.clear();
                for (char c : text.toCharArray()) {
                    if (c == '\n') {
                        received.add(line.toString());
                        line.setLength(0);
                    } else {
                        line.append(c);
                    }
                }
            }
        } catch (IOException e) {
            // The test closed the socket, or the collector reset it: both end the stream.
            line.setLength(0);
        }
        endOfStream = true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
