package dev.hench.collector.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The collector-wide ingest meters. Thread-safe. */
public final class IngestMetrics {

    private final AtomicInteger openConnections = new AtomicInteger();
    private final Counter accepted;
    private final Counter rejectedAtLimit;
    private final Map<CloseReason, Counter> closed = new EnumMap<>(CloseReason.class);
    private final Counter malformedLines;
    private final Counter unknownMessages;
    private final Counter duplicateMessages;
    private final Counter processingFailures;
    private final Counter outboundDropped;

    public IngestMetrics(MeterRegistry meters) {
        Gauge.builder("hench.ingest.connections", openConnections, AtomicInteger::get)
                .description("Agent connections open now").register(meters);
        accepted = counter(meters, "hench.ingest.connections.accepted", "Agent connections accepted");
        rejectedAtLimit = counter(meters, "hench.ingest.connections.rejected",
                "Connections closed at accept because ingest.maxConnections were open");
        for (CloseReason reason : CloseReason.values()) {
            closed.put(reason, Counter.builder("hench.ingest.connections.closed")
                    .description("Agent connections ended, by reason")
                    .tag("reason", reason.tag()).register(meters));
        }
        malformedLines = counter(meters, "hench.ingest.malformed.lines",
                "Lines that were not valid protocol messages, oversized lines included");
        unknownMessages = counter(meters, "hench.ingest.unknown.messages",
                "Messages of a type this collector does not know, ignored");
        duplicateMessages = counter(meters, "hench.ingest.duplicate.messages",
                "Messages dropped because their seq was already processed");
        processingFailures = counter(meters, "hench.ingest.processing.failures",
                "Messages whose handling threw; logged, then skipped");
        outboundDropped = counter(meters, "hench.ingest.outbound.dropped",
                "Lines to agents dropped because the connection's queue was full");
    }

    private static Counter counter(MeterRegistry meters, String name, String description) {
        return Counter.builder(name).description(description).register(meters);
    }

    void connectionOpened() {
        accepted.increment();
        openConnections.incrementAndGet();
    }

    void connectionClosed(CloseReason reason) {
        openConnections.decrementAndGet();
        closed.get(reason).increment();
    }

    void rejectedAtLimit() {
        rejectedAtLimit.increment();
    }

    void malformedLine() {
        malformedLines.increment();
    }

    void unknownMessage() {
        unknownMessages.increment();
    }

    void duplicateMessage() {
        duplicateMessages.increment();
    }

    void processingFailed() {
        processingFailures.increment();
    }

    void outboundDropped() {
        outboundDropped.increment();
    }

    public int openConnections() {
        return openConnections.get();
    }
}
