package dev.hench.collector.ingest;

import java.util.Locale;

/** Why the collector closed, or saw the end of, an agent connection; a metric tag. */
public enum CloseReason {
    /** The agent closed the connection. */
    PEER_CLOSED,
    /** A line was not a valid protocol message. */
    MALFORMED,
    /** A line was longer than {@link IngestSettings#MAX_LINE_BYTES}. */
    OVERSIZED,
    /** The {@code hello} carried a protocol version this collector does not serve. */
    PROTOCOL_VERSION,
    /** No {@code hello} within {@link IngestSettings#helloTimeout()}. */
    NO_HELLO,
    /** Nothing received within {@link IngestSettings#idleTimeout()}. */
    IDLE,
    /** The same session connected again, so this older connection was closed. */
    REPLACED,
    /** Reading or writing the socket failed. */
    IO_ERROR,
    /** The collector is stopping. */
    SHUTDOWN;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
