package dev.hench.collector.ingest;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertDispatcher;
import dev.hench.collector.leak.LeakDetector;
import dev.hench.collector.signal.GcKind;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import dev.hench.collector.worker.WorkerSeries;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the sequenced messages of one series into state: drops duplicates by {@code seq},
 * converts samples, GC events, phases and runs into {@link Observation}s, appends them to the
 * series' history, feeds the {@link LeakDetector} and dispatches the alerts it returns.
 *
 * <p>Phase and run messages become observations that carry only the time, the phase and the run
 * id, so a detector receives each boundary when it happens. A {@code suspects} message goes to the
 * handler set with {@link #onSuspects(BiConsumer)}.
 *
 * <p>Thread-safe under the detector's contract: call it from one thread at a time per series.
 */
public final class IngestPipeline {

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    private final LeakDetector detector;
    private final AlertDispatcher dispatcher;
    private final IngestMetrics metrics;
    private volatile BiConsumer<WorkerKey, WireMessage> suspectsHandler = (key, message) ->
            log.info("suspects received worker={} session={} requestId={}", key.workerId(),
                    key.sessionId(), message.requestId);

    public IngestPipeline(LeakDetector detector, AlertDispatcher dispatcher, IngestMetrics metrics) {
        this.detector = detector;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    /** Replaces the handler of {@code suspects} messages; it runs on the ingest thread. */
    public void onSuspects(BiConsumer<WorkerKey, WireMessage> handler) {
        suspectsHandler = handler;
    }

    /**
     * Handles one message after {@code hello}.
     *
     * @return false when the message was dropped as a duplicate
     * @throws MalformedLineException when a required field is missing or invalid
     */
    public boolean accept(WorkerSeries series, WireMessage message) throws MalformedLineException {
        if (message.type == MessageType.UNKNOWN || message.type == MessageType.HELLO) {
            return acceptUnsequenced(series, message);
        }
        long seq = requireSeq(message);
        validate(message);
        if (!series.sequence().admit(seq)) {
            metrics.duplicateMessage();
            return false;
        }
        try {
            handle(series, message);
        } catch (RuntimeException e) {
            metrics.processingFailed();
            log.error("message handling failed worker={} session={} type={} seq={}",
                    series.key().workerId(), series.key().sessionId(), message.typeName, seq, e);
        } finally {
            series.sequence().processed(seq);
        }
        return true;
    }

    private boolean acceptUnsequenced(WorkerSeries series, WireMessage message) throws MalformedLineException {
        if (message.type == MessageType.HELLO) {
            throw new MalformedLineException("a second hello arrived on the same connection");
        }
        metrics.unknownMessage();
        // A future buffered type carries seq; marking it processed keeps acknowledgements moving.
        if (Observation.isPresent(message.seq) && series.sequence().admit(message.seq)) {
            series.sequence().processed(message.seq);
        }
        return true;
    }

    /** Checks the required fields before the seq is admitted, so a malformed line never counts as processed. */
    private static void validate(WireMessage m) throws MalformedLineException {
        if (m.type == MessageType.SUSPECTS) {
            return;
        }
        requireTime(m);
        if (m.type == MessageType.PHASE) {
            requireEvent(m);
            if (m.name == null) {
                throw new MalformedLineException("phase message needs 'name'");
            }
        } else if (m.type == MessageType.RUN) {
            requireEvent(m);
        }
    }

    private void handle(WorkerSeries series, WireMessage message) throws MalformedLineException {
        switch (message.type) {
            case SAMPLE:
                observe(series, sample(series, message), true);
                break;
            case GC:
                observe(series, gc(series, message), false);
                break;
            case PHASE:
                observe(series, phase(series, message), false);
                break;
            case RUN:
                observe(series, run(series, message), false);
                break;
            default:
                suspectsHandler.accept(series.key(), message);
                break;
        }
    }

    private void observe(WorkerSeries series, Observation observation, boolean isSample) {
        series.record(observation, isSample);
        List<Alert> alerts = detector.observe(series.key(), observation);
        if (!alerts.isEmpty()) {
            dispatcher.dispatch(alerts);
        }
    }

    private static Observation sample(WorkerSeries series, WireMessage m) throws MalformedLineException {
        series.syncPhase(m.phase);
        series.runId(m.runId);
        series.recordAgentStats(m.droppedTotal, m.bufferUsed, m.bufferCapacity, m.agentCpuNanos);
        return Observation.at(requireTime(m))
                .heap(m.heapUsedBytes, m.heapCommittedBytes, m.heapMaxBytes)
                .rssBytes(m.rssBytes)
                .metaspace(m.metaspaceUsedBytes, m.metaspaceMaxBytes)
                .codeCacheBytes(m.codeCacheBytes)
                .bufferPools(m.directBytes, m.mappedBytes)
                .counters(m.compiledMethods, m.loadedClasses)
                .phase(m.phase)
                .runId(m.runId)
                .build();
    }

    /**
     * Returns the collection's kind, or null when the agent left it out (a collector it does not
     * know) or sent a kind this collector does not know. Without a kind the heap after GC is kept in
     * the history but is no floor for the detector.
     */
    private static GcKind gcKind(WireMessage m) {
        if (m.kind == null) {
            return null;
        }
        try {
            return GcKind.parse(m.kind);
        } catch (IllegalArgumentException e) {
            log.debug("gc kind '{}' is unknown; the event counts as a GC of unknown kind", m.kind);
            return null;
        }
    }

    private static Observation gc(WorkerSeries series, WireMessage m) throws MalformedLineException {
        return Observation.at(requireTime(m))
                .gc(gcKind(m), m.heapAfterBytes, m.pauseNanos)
                .heap(Observation.ABSENT, Observation.ABSENT, series.heapMaxBytes())
                .phase(series.currentPhase())
                .runId(series.runId())
                .build();
    }

    private static Observation phase(WorkerSeries series, WireMessage m) throws MalformedLineException {
        if (requireEvent(m)) {
            series.beginPhase(m.name);
        } else {
            series.endPhase(m.name);
        }
        if (m.runId != null) {
            series.runId(m.runId);
        }
        return boundary(series, m);
    }

    private static Observation run(WorkerSeries series, WireMessage m) throws MalformedLineException {
        boolean begin = requireEvent(m);
        series.runId(begin ? m.runId : null);
        return boundary(series, m);
    }

    private static Observation boundary(WorkerSeries series, WireMessage m) throws MalformedLineException {
        return Observation.at(requireTime(m)).phase(series.currentPhase()).runId(series.runId()).build();
    }

    private static boolean requireEvent(WireMessage m) throws MalformedLineException {
        if ("begin".equals(m.event)) {
            return true;
        }
        if ("end".equals(m.event)) {
            return false;
        }
        throw new MalformedLineException(m.typeName + " message has event '" + m.event
                + "' but it must be begin or end");
    }

    private static long requireSeq(WireMessage m) throws MalformedLineException {
        if (!Observation.isPresent(m.seq) || m.seq < 1) {
            throw new MalformedLineException(m.typeName + " message needs a 'seq' of 1 or more");
        }
        return m.seq;
    }

    private static long requireTime(WireMessage m) throws MalformedLineException {
        if (!Observation.isPresent(m.timeMillis)) {
            throw new MalformedLineException(m.typeName + " message needs 'timeMillis'");
        }
        return m.timeMillis;
    }
}
