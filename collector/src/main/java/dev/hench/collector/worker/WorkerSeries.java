package dev.hench.collector.worker;

import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * State of one worker series (one JVM session): identity, connection state, the last sample,
 * the agent's own counters, the open phases and a bounded history of every signal.
 *
 * <p>Thread-safe. One ingest thread at a time writes a series, while the metrics scrape and the
 * registry's sweeper read it.
 */
public final class WorkerSeries {

    private static final long FLOOR_WINDOW_MILLIS = 60_000;
    private static final HistorySignal[] SIGNALS = HistorySignal.values();

    private final WorkerKey key;
    private final SessionSequence sequence = new SessionSequence();
    private final Map<HistorySignal, SignalRing> history = new EnumMap<>(HistorySignal.class);
    private final Deque<String> openPhases = new ArrayDeque<>();

    private volatile WorkerIdentity identity;
    private int liveConnections;
    private long disconnectedAtMillis;
    private String runId;
    private long heapMaxBytes;
    private Observation lastSample;
    private long lastHeapAfterGcBytes = Observation.ABSENT;
    private long samplesReceived;
    private long gcEventsReceived;
    private long agentDroppedTotal = Observation.ABSENT;
    private long agentBufferUsed = Observation.ABSENT;
    private long agentBufferCapacity = Observation.ABSENT;
    private long agentCpuNanos = Observation.ABSENT;

    WorkerSeries(WorkerIdentity identity, int historyPoints) {
        this.key = identity.key();
        this.identity = identity;
        this.heapMaxBytes = identity.heapMaxBytes();
        for (HistorySignal signal : HistorySignal.values()) {
            history.put(signal, new SignalRing(historyPoints));
        }
    }

    public WorkerKey key() {
        return key;
    }

    public WorkerIdentity identity() {
        return identity;
    }

    public SessionSequence sequence() {
        return sequence;
    }

    synchronized void connected(WorkerIdentity latest) {
        identity = latest;
        liveConnections++;
    }

    synchronized void disconnected(long nowMillis) {
        liveConnections = Math.max(0, liveConnections - 1);
        if (liveConnections == 0) {
            disconnectedAtMillis = nowMillis;
        }
    }

    public synchronized boolean isConnected() {
        return liveConnections > 0;
    }

    /** Returns when the last connection closed, or 0 while connected or before any disconnect. */
    public synchronized long disconnectedAtMillis() {
        return liveConnections > 0 ? 0 : disconnectedAtMillis;
    }

    /** Appends an observation to the history; a sample also becomes the last sample. */
    public synchronized void record(Observation observation, boolean isSample) {
        for (HistorySignal signal : SIGNALS) {
            long value = signal.read(observation);
            if (Observation.isPresent(value)) {
                history.get(signal).add(observation.timeMillis(), value);
            }
        }
        if (Observation.isPresent(observation.heapMaxBytes())) {
            heapMaxBytes = observation.heapMaxBytes();
        }
        if (isSample) {
            lastSample = observation;
            samplesReceived++;
        }
        // A GC of unknown kind still counts and still shows its heap after GC on dashboards.
        if (observation.gcKind() != null || Observation.isPresent(observation.heapAfterGcBytes())
                || Observation.isPresent(observation.gcPauseNanos())) {
            gcEventsReceived++;
        }
        if (Observation.isPresent(observation.heapAfterGcBytes())) {
            lastHeapAfterGcBytes = observation.heapAfterGcBytes();
        }
    }

    /** Stores the agent's own counters from a sample; absent values keep the previous ones. */
    public synchronized void recordAgentStats(long droppedTotal, long bufferUsed, long bufferCapacity,
            long cpuNanos) {
        agentDroppedTotal = presentOr(droppedTotal, agentDroppedTotal);
        agentBufferUsed = presentOr(bufferUsed, agentBufferUsed);
        agentBufferCapacity = presentOr(bufferCapacity, agentBufferCapacity);
        agentCpuNanos = presentOr(cpuNanos, agentCpuNanos);
    }

    private static long presentOr(long value, long previous) {
        return Observation.isPresent(value) ? value : previous;
    }

    /** Opens a phase; phases nest, and the innermost one is the current phase. */
    public synchronized void beginPhase(String name) {
        openPhases.push(name);
    }

    /** Closes the innermost open phase named {@code name}, and any phases opened inside it. */
    public synchronized void endPhase(String name) {
        if (!openPhases.contains(name)) {
            return;
        }
        // Phases still open inside the one that ended lost their own end message; they close too.
        String closed;
        do {
            closed = openPhases.pop();
        } while (!closed.equals(name));
    }

    /** Replaces the open phases with the single phase that a sample reported, or none. */
    public synchronized void syncPhase(String innermostPhase) {
        if (innermostPhase == null) {
            openPhases.clear();
        } else if (!innermostPhase.equals(openPhases.peek())) {
            openPhases.clear();
            openPhases.push(innermostPhase);
        }
    }

    public synchronized String currentPhase() {
        return openPhases.peek();
    }

    public synchronized void runId(String runId) {
        this.runId = runId;
    }

    public synchronized String runId() {
        return runId;
    }

    /** Latest known heap maximum (from hello or a sample), or {@link Observation#ABSENT}. */
    public synchronized long heapMaxBytes() {
        return heapMaxBytes;
    }

    /** The last sample, or null before the first. */
    public synchronized Observation lastSample() {
        return lastSample;
    }

    /** Heap after the most recent GC of any kind, or {@link Observation#ABSENT}. */
    public synchronized long lastHeapAfterGcBytes() {
        return lastHeapAfterGcBytes;
    }

    /**
     * Smallest heap after GC during the minute before the latest GC, an approximation of the
     * live set for dashboards; {@link Observation#ABSENT} before the first GC.
     */
    public synchronized long heapFloorBytes() {
        SignalRing ring = history.get(HistorySignal.HEAP_AFTER_GC);
        if (ring.size() == 0) {
            return Observation.ABSENT;
        }
        long[][] points = ring.snapshot();
        long latestMillis = points[0][points[0].length - 1];
        return ring.minSince(latestMillis - FLOOR_WINDOW_MILLIS, Observation.ABSENT);
    }

    /** Returns the history of {@code signal} oldest first, as {@code [timesMillis, values]}. */
    public synchronized long[][] history(HistorySignal signal) {
        return history.get(signal).snapshot();
    }

    public synchronized long samplesReceived() {
        return samplesReceived;
    }

    public synchronized long gcEventsReceived() {
        return gcEventsReceived;
    }

    /** Messages the agent reported dropping from its buffer, or {@link Observation#ABSENT}. */
    public synchronized long agentDroppedTotal() {
        return agentDroppedTotal;
    }

    public synchronized long agentBufferUsed() {
        return agentBufferUsed;
    }

    public synchronized long agentBufferCapacity() {
        return agentBufferCapacity;
    }

    public synchronized long agentCpuNanos() {
        return agentCpuNanos;
    }
}
