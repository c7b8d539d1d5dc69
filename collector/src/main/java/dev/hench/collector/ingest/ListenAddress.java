package dev.hench.collector.ingest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the collector listens for agents: {@code unix:PATH} (a Unix domain socket file) or
 * {@code tcp:HOST:PORT}. The same spelling appears in the agent's {@code collector} option.
 */
public final class ListenAddress {

    /** Transport of a listen address. */
    public enum Kind {
        UNIX,
        TCP
    }

    private final Kind kind;
    private final Path socketPath;
    private final String host;
    private final int port;

    private ListenAddress(Kind kind, Path socketPath, String host, int port) {
        this.kind = kind;
        this.socketPath = socketPath;
        this.host = host;
        this.port = port;
    }

    /** Returns {@code unix:${java.io.tmpdir}/hench-${user.name}/collector.sock}, as the agent does. */
    public static String defaultSpelling() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "hench-" + System.getProperty("user.name"));
        return "unix:" + dir.resolve("collector.sock");
    }

    /**
     * Parses {@code unix:PATH} or {@code tcp:HOST:PORT} (port 0 to 65535; an IPv6 host goes in
     * brackets).
     *
     * @throws IllegalArgumentException naming the value and the allowed forms
     */
    public static ListenAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("unix:") && text.length() > "unix:".length()) {
            return new ListenAddress(Kind.UNIX, Path.of(text.substring("unix:".length())), null, -1);
        }
        if (text.startsWith("tcp:")) {
            return parseTcp(text, text.substring("tcp:".length()));
        }
        throw invalid(text);
    }

    private static ListenAddress parseTcp(String text, String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw invalid(text);
        }
        String host = hostAndPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(hostAndPort.substring(colon + 1));
            if (port < 0 || port > 65_535 || host.isEmpty()) {
                throw invalid(text);
            }
            return new ListenAddress(Kind.TCP, null, host, port);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("listen address was '" + text
                + "' but must be unix:PATH (for example unix:/run/hench/collector.sock) "
                + "or tcp:HOST:PORT (for example tcp:127.0.0.1:7390)");
    }

    public Kind kind() {
        return kind;
    }

    /** The socket file of a {@link Kind#UNIX} address; null for TCP. */
    public Path socketPath() {
        return socketPath;
    }

    /** Returns true for a Unix socket and for a TCP host that resolves to a loopback address. */
    public boolean isLoopback() {
        if (kind == Kind.UNIX) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Returns the socket address to bind to. */
    public SocketAddress toSocketAddress() {
        if (kind == Kind.UNIX) {
            return UnixDomainSocketAddress.of(socketPath);
        }
        return new InetSocketAddress(host, port);
    }

    /** Returns the address in the {@code unix:PATH} or {@code tcp:HOST:PORT} form. */
    @Override
    public String toString() {
        if (kind == Kind.UNIX) {
            return "unix:" + socketPath;
        }
        return "tcp:" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ListenAddress && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
