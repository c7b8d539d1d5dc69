package dev.hench.agent.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small collector for integration tests: speaks the protocol's hello/welcome/ack exchange,
 * records every line it receives, and can push messages to connected agents.
 *
 * <p>The processed sequence numbers per session live in a {@link SessionStore} that the test may
 * share between two instances, to model a collector restart that kept its state, or not share,
 * to model one that lost it.
 */
public final class TestCollector implements AutoCloseable {

    /** Highest contiguous processed seq per session, shared across restarts when the test wants. */
    public static final class SessionStore {
        final Map<String, Long> lastSeqBySession = new ConcurrentHashMap<>();

        public Map<String, Long> lastSeqBySession() {
            return Map.copyOf(lastSeqBySession);
        }
    }

    private final ServerSocketChannel server;
    private final SessionStore store;
    private final Function<Map<String, Object>, List<String>> replies;
    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    private final List<Long> welcomedLastSeqs = new CopyOnWriteArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final String address;
    private volatile boolean closed;

    private TestCollector(ServerSocketChannel server, String address, SessionStore store,
            Function<Map<String, Object>, List<String>> replies) {
        this.server = server;
        this.address = address;
        this.store = store;
        this.replies = replies;
        this.acceptor = new Thread(this::acceptLoop, "test-collector-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on a Unix socket at {@code path}; {@code replies} may add lines after welcome. */
    public static TestCollector unix(Path path, SessionStore store, Function<Map<String, Object>, List<String>> replies)
            throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        return new TestCollector(server, "unix:" + path, store, replies);
    }

    public static TestCollector unix(Path path) throws IOException {
        return unix(path, new SessionStore(), message -> List.of());
    }

    /** Listens on a free loopback TCP port. */
    public static TestCollector tcp(SessionStore store) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        return new TestCollector(server, "tcp:127.0.0.1:" + port, store, message -> List.of());
    }

    /** Returns the agent's {@code collector} option value for this stub. */
    public String address() {
        return address;
    }

    /** Returns every message received so far, in arrival order, duplicates included. */
    public List<Map<String, Object>> received() {
        return List.copyOf(received);
    }

    public List<Map<String, Object>> received(String type) {
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> message : received) {
            if (type.equals(message.get("type"))) {
                matching.add(message);
            }
        }
        return matching;
    }

    /** Returns the {@code lastSeq} of every welcome sent, in order. */
    public List<Long> welcomedLastSeqs() {
        return List.copyOf(welcomedLastSeqs);
    }

    /** Sends {@code line} to every connected agent. */
    public void push(String line) throws IOException {
        for (Connection connection : connections) {
            connection.send(line);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel channel = server.accept();
                Connection connection = new Connection(channel);
                connections.add(connection);
                Thread reader = new Thread(connection::readLoop, "test-collector-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("test collector accept failed", e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Connection connection : connections) {
            connection.channel.close();
        }
        if (address.startsWith("unix:")) {
            Files.deleteIfExists(Path.of(address.substring("unix:".length())));
        }
    }

    private final class Connection {
        final SocketChannel channel;
        final OutputStream out;
        String session;

        Connection(SocketChannel channel) {
            this.channel = channel;
            this.out = Channels.newOutputStream(channel);
        }

        synchronized void send(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void readLoop() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
                String line;
                while (!closed && (line = in.readLine()) != null) {
                    handle(JsonReader.parseObject(line));
                }
            } catch (IOException e) {
                // The test closed the stub, or the agent went away: either ends this connection.
                connections.remove(this);
            }
        }

        private void handle(Map<String, Object> message) throws IOException {
            received.add(message);
            if ("hello".equals(message.get("type"))) {
                session = (String) message.get("session");
                long lastSeq = store.lastSeqBySession.getOrDefault(session, 0L);
                welcomedLastSeqs.add(lastSeq);
                send("{\"type\":\"welcome\",\"protocol\":1,\"lastSeq\":" + lastSeq + "}");
            } else if (message.get("seq") instanceof Long) {
                long seq = (Long) message.get("seq");
                long last = store.lastSeqBySession.getOrDefault(session, 0L);
                // A gap means the agent dropped messages; a real collector counts it and moves on.
                if (seq > last) {
                    store.lastSeqBySession.put(session, seq);
                    send("{\"type\":\"ack\",\"seq\":" + seq + "}");
                }
            }
            for (String reply : replies.apply(message)) {
                send(reply);
            }
        }
    }
}
