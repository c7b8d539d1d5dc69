package dev.hench.agent.options;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;

/**
 * Where the collector listens: a Unix domain socket path or a TCP host and port.
 *
 * <p>Exactly one of {@code socketPath} and {@code host} is non-null.
 */
public record CollectorAddress(Path socketPath, String host, int port) {

    static CollectorAddress unix(Path path) {
        return new CollectorAddress(path, null, 0);
    }

    static CollectorAddress tcp(String host, int port) {
        return new CollectorAddress(null, host, port);
    }

    public boolean isUnix() {
        return socketPath != null;
    }

    /** Creates the socket address; for TCP this resolves {@code host} (a literal or {@code localhost}). */
    public SocketAddress toSocketAddress() {
        if (isUnix()) {
            return UnixDomainSocketAddress.of(socketPath);
        }
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return isUnix() ? "unix:" + socketPath : "tcp:" + host + ":" + port;
    }
}
