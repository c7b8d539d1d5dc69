package dev.hench.collector.ingest;

import dev.hench.collector.config.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Keys of the ingest server, all under {@code ingest.}.
 *
 * @param listen where agents connect ({@code ingest.listen}, default {@link ListenAddress#defaultSpelling()})
 * @param maxConnections connections served at once; more are closed at accept
 *     ({@code ingest.maxConnections}, default 1024)
 * @param helloTimeout time a new connection has to send its {@code hello}
 *     ({@code ingest.helloTimeout}, default 10s, as the protocol states)
 * @param idleTimeout time after which a connection that sends nothing is closed
 *     ({@code ingest.idleTimeout}, default 5m)
 * @param ackInterval time between acknowledgements while messages arrive
 *     ({@code ingest.ackInterval}, default 1s)
 * @param outboundQueueLines lines queued per connection toward the agent; more are dropped and
 *     counted ({@code ingest.outboundQueueLines}, default 256)
 * @param recordDir directory that receives every wire line, one file per session, or null
 *     ({@code ingest.recordDir}, flag {@code --record})
 */
public record IngestSettings(
        ListenAddress listen,
        int maxConnections,
        Duration helloTimeout,
        Duration idleTimeout,
        Duration ackInterval,
        int outboundQueueLines,
        Path recordDir) {

    /** Longest line accepted from an agent, in bytes, without its newline (protocol version 1). */
    public static final int MAX_LINE_BYTES = 65_536;

    public static IngestSettings from(Settings settings) {
        ListenAddress listen = listenAddress(settings);
        long maxConnections = settings.integer("ingest.maxConnections", 1024, 1, 100_000);
        Duration helloTimeout = settings.duration("ingest.helloTimeout", Duration.ofSeconds(10),
                Duration.ofMillis(100), Duration.ofMinutes(5));
        Duration idleTimeout = settings.duration("ingest.idleTimeout", Duration.ofMinutes(5),
                Duration.ofSeconds(1), Duration.ofDays(1));
        Duration ackInterval = settings.duration("ingest.ackInterval", Duration.ofSeconds(1),
                Duration.ofMillis(10), Duration.ofSeconds(10));
        long queueLines = settings.integer("ingest.outboundQueueLines", 256, 1, 1_000_000);
        String recordDir = settings.string("ingest.recordDir", null);
        return new IngestSettings(listen, (int) maxConnections, helloTimeout, idleTimeout,
                ackInterval, (int) queueLines, recordDir == null || recordDir.isBlank() ? null : Path.of(recordDir));
    }

    private static ListenAddress listenAddress(Settings settings) {
        String raw = settings.string("ingest.listen", ListenAddress.defaultSpelling());
        boolean allowNonLoopback = settings.bool("ingest.allowNonLoopback", false);
        ListenAddress fallback = ListenAddress.parse(ListenAddress.defaultSpelling());
        ListenAddress parsed;
        try {
            parsed = ListenAddress.parse(raw);
        } catch (IllegalArgumentException e) {
            settings.problem("ingest.listen", raw,
                    "must be unix:PATH or tcp:HOST:PORT, for example tcp:127.0.0.1:7390");
            return fallback;
        }
        if (!allowNonLoopback && !parsed.isLoopback()) {
            settings.problem("ingest.listen", raw, "must be a Unix socket or a loopback TCP address "
                    + "unless ingest.allowNonLoopback=true");
            return fallback;
        }
        return parsed;
    }
}
