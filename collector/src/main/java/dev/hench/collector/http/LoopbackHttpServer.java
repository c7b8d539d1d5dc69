package dev.hench.collector.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's HTTP port for Prometheus and the JSON API, on the JDK's built-in server and
 * bound to a loopback address. Features add endpoints with {@link #route(String, HttpHandler)},
 * before or after {@link #start()}.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoopbackHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Binds {@code address}; port 0 lets the system choose.
     *
     * @throws IllegalArgumentException when the address is not a loopback address
     * @throws IOException when the port cannot be bound
     */
    public LoopbackHttpServer(InetSocketAddress address) throws IOException {
        if (address.getAddress() == null || !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("http address was '" + address
                    + "' but must be a loopback address such as 127.0.0.1:7391");
        }
        server = HttpServer.create(address, 16);
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "hench-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
    }

    /** Serves {@code path} and everything below it with {@code handler}. */
    public void route(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    public void start() {
        server.start();
        log.info("http listening on http://{}", hostAndPort());
    }

    /** Returns the bound address, with the port the system chose when 0 was requested. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Returns {@code HOST:PORT} of the bound address. */
    public String hostAndPort() {
        InetSocketAddress bound = address();
        return bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("http stopped on {}", hostAndPort());
    }
}
