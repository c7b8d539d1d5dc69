package dev.hench.collector.ingest;

import dev.hench.collector.signal.WorkerKey;
import dev.hench.collector.worker.WorkerIdentity;
import dev.hench.collector.worker.WorkerRegistry;
import dev.hench.collector.worker.WorkerSeries;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts agent connections on a Unix domain socket or a TCP port and serves each on its own
 * thread ({@code hench-ingest-WORKER}). A ticker thread closes connections that send no
 * {@code hello} in time or go silent, and sends acknowledgements.
 *
 * <p>A Unix socket's parent directory is created with mode 0700 when missing and the socket file
 * gets mode 0600. A socket file left by a dead collector is removed at start; if a live process
 * accepts connections on it, {@link #start()} fails instead.
 *
 * <p>Thread-safe.
 */
public final class IngestServer implements AgentLinks, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestServer.class);

    private final IngestSettings settings;
    private final WorkerRegistry registry;
    private final IngestPipeline pipeline;
    private final IngestMetrics metrics;
    private final WireRecorder recorder;
    private final WireParser parser = new WireParser();
    private final AtomicLong nextConnectionId = new AtomicLong(1);
    private final ConcurrentMap<Long, AgentConnection> connections = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Thread> readerThreads = new ConcurrentHashMap<>();
    private final ConcurrentMap<WorkerKey, AgentConnection> bySeries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hench-ingest-ticker");
        thread.setDaemon(true);
        return thread;
    });

    private ServerSocketChannel serverChannel;
    private ListenAddress boundAddress;
    private Thread acceptThread;
    private final List<Supplier<String>> greetings = new CopyOnWriteArrayList<>();
    private volatile boolean closing;

    /**
     * Creates a server that is not yet listening.
     *
     * @param recorder writes every wire line to files, or null to record nothing
     */
    public IngestServer(IngestSettings settings, WorkerRegistry registry, IngestPipeline pipeline,
            IngestMetrics metrics, WireRecorder recorder) {
        this.settings = settings;
        this.registry = registry;
        this.pipeline = pipeline;
        this.metrics = metrics;
        this.recorder = recorder;
    }

    /**
     * Binds the listen address and starts accepting.
     *
     * @throws IOException when the address cannot be bound or another process accepts connections on it
     */
    public synchronized void start() throws IOException {
        ListenAddress address = settings.listen();
        serverChannel = address.kind() == ListenAddress.Kind.UNIX ? bindUnix(address.socketPath()) : bindTcp(address);
        acceptThread = new Thread(this::acceptLoop, "hench-ingest-accept");
        acceptThread.setDaemon(true);
        acceptThread.start();
        long tickMillis = Math.max(10, Math.min(250, settings.ackInterval().toMillis() / 2));
        ticker.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        log.info("ingest listening on {} maxConnections={} recordDir={}", boundAddress,
                settings.maxConnections(), recorder == null ? "(off)" : recorder.dir());
    }

    /** Returns the address agents connect to, with the port the system chose for TCP port 0. */
    public synchronized ListenAddress boundAddress() {
        return boundAddress;
    }

    private ServerSocketChannel bindUnix(Path socket) throws IOException {
        Path parent = socket.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            log.info("created socket directory {} with mode 0700", parent);
        }
        removeStaleSocket(socket);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            channel.close();
            throw new IOException("binding unix socket " + socket + " failed: " + e.getMessage(), e);
        }
        boundAddress = ListenAddress.parse("unix:" + socket);
        return channel;
    }

    private static void removeStaleSocket(Path socket) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(socket, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isOther()) {
            throw new IOException(socket + " exists and is not a socket; remove it or choose another --listen");
        }
        if (answers(socket)) {
            throw new IOException("another collector is listening on " + socket
                    + "; stop it or choose another --listen");
        }
        Files.delete(socket);
        log.info("removed stale socket file {} left by a collector that is gone", socket);
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private ServerSocketChannel bindTcp(ListenAddress address) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.bind(address.toSocketAddress());
        } catch (IOException e) {
            channel.close();
            throw new IOException("binding " + address + " failed: " + e.getMessage(), e);
        }
        InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
        boundAddress = ListenAddress.parse("tcp:" + local.getAddress().getHostAddress() + ":" + local.getPort());
        return channel;
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                accept(serverChannel.accept());
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.error("accepting an agent connection failed on {}", boundAddress, e);
            }
        }
    }

    private void accept(SocketChannel client) throws IOException {
        if (connections.size() >= settings.maxConnections()) {
            metrics.rejectedAtLimit();
            log.warn("connection rejected: {} connections open, the ingest.maxConnections limit", connections.size());
            client.close();
            return;
        }
        long id = nextConnectionId.getAndIncrement();
        AgentConnection connection = new AgentConnection(id, client, this);
        connections.put(id, connection);
        metrics.connectionOpened();
        Thread reader = new Thread(connection, "hench-ingest-conn-" + id);
        reader.setDaemon(true);
        readerThreads.put(id, reader);
        log.debug("connection #{} accepted", id);
        reader.start();
    }

    private void tick() {
        long now = System.nanoTime();
        for (AgentConnection connection : connections.values()) {
            try {
                connection.tick(now);
            } catch (RuntimeException e) {
                log.error("ticking connection #{} failed", connection.id(), e);
            }
        }
    }

    @Override
    public boolean send(WorkerKey worker, String jsonLine) {
        AgentConnection connection = bySeries.get(worker);
        return connection != null && connection.send(jsonLine);
    }

    @Override
    public int broadcast(String jsonLine) {
        int sent = 0;
        for (AgentConnection connection : bySeries.values()) {
            if (connection.send(jsonLine)) {
                sent++;
            }
        }
        return sent;
    }

    /** Stops accepting, closes every connection and removes the socket file. */
    @Override
    public void close() {
        closing = true;
        closeServerChannel();
        ticker.shutdownNow();
        connections.values().forEach(connection -> connection.close(CloseReason.SHUTDOWN, "collector stopping"));
        for (Thread reader : readerThreads.values()) {
            joinQuietly(reader);
        }
        joinQuietly(acceptThread);
        deleteSocketFile();
        log.info("ingest stopped on {}", boundAddress);
    }

    private synchronized void closeServerChannel() {
        if (serverChannel == null) {
            return;
        }
        try {
            serverChannel.close();
        } catch (IOException e) {
            log.warn("closing the listening socket {} failed: {}", boundAddress, e.toString());
        }
    }

    private void deleteSocketFile() {
        ListenAddress address = boundAddress();
        if (address == null || address.kind() != ListenAddress.Kind.UNIX) {
            return;
        }
        try {
            Files.deleteIfExists(address.socketPath());
        } catch (IOException e) {
            log.warn("removing socket file {} failed: {}", address.socketPath(), e.toString());
        }
    }

    private static void joinQuietly(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    WorkerSeries attach(AgentConnection connection, WorkerIdentity identity) {
        WorkerSeries series = registry.connected(identity);
        AgentConnection previous = bySeries.put(identity.key(), connection);
        if (previous != null && previous != connection) {
            previous.close(CloseReason.REPLACED, "same session connected again on connection #" + connection.id());
        }
        return series;
    }

    void detach(AgentConnection connection, CloseReason reason) {
        connections.remove(connection.id());
        readerThreads.remove(connection.id());
        metrics.connectionClosed(reason);
        WorkerSeries series = connection.series();
        if (series != null) {
            bySeries.remove(series.key(), connection);
            registry.disconnected(series, System.currentTimeMillis());
        }
    }

    IngestSettings settings() {
        return settings;
    }

    WireParser parser() {
        return parser;
    }

    IngestPipeline pipeline() {
        return pipeline;
    }

    IngestMetrics metrics() {
        return metrics;
    }

    /**
     * Adds a source of one line that every agent receives right after its {@code welcome}, for
     * example the current admission level, so that an agent does not wait for the next change. A
     * source that returns null sends nothing.
     */
    public void addGreeting(Supplier<String> line) {
        greetings.add(line);
    }

    List<Supplier<String>> greetings() {
        return greetings;
    }

    WireRecorder recorder() {
        return recorder;
    }

    /** Returns the open connections by id, for tests and diagnostics. */
    Map<Long, AgentConnection> connections() {
        return Map.copyOf(connections);
    }
}
