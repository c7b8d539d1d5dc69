package dev.hench.collector.ingest;

import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import dev.hench.collector.worker.WorkerIdentity;
import java.nio.charset.StandardCharsets;

/**
 * One parsed line from an agent, with the fields of every message type flattened into one
 * reusable holder. A number the line did not carry is {@link Observation#ABSENT}; a string it did
 * not carry is null. Field names and meanings are those of docs/protocol.md.
 *
 * <p>Not thread-safe: each connection owns one instance and {@link WireParser} refills it per line.
 */
public final class WireMessage {

    static final long ABSENT = Observation.ABSENT;

    MessageType type;
    String typeName;
    private byte[] line;
    private int lineOffset;
    private int lineLength;
    long seq;
    long timeMillis;

    // hello
    long protocol;
    String worker;
    String session;
    long pid;
    String jvmVendor;
    String jvmVersion;
    long startTimeMillis;
    String agentVersion;
    String cgroupPath;
    String gcName;

    // sample
    long heapUsedBytes;
    long heapCommittedBytes;
    long heapMaxBytes;
    long directBytes;
    long mappedBytes;
    long rssBytes;
    long metaspaceUsedBytes;
    long metaspaceMaxBytes;
    long codeCacheBytes;
    long compiledMethods;
    long loadedClasses;
    String phase;
    String runId;
    long agentCpuNanos;
    long droppedTotal;
    long bufferUsed;
    long bufferCapacity;

    // gc, phase, run, suspects
    String name;
    String kind;
    long pauseNanos;
    long heapAfterBytes;
    long metaspaceAfterBytes;
    String event;
    String requestId;

    public WireMessage() {
        reset();
    }

    void reset(byte[] source, int offset, int length) {
        line = source;
        lineOffset = offset;
        lineLength = length;
        reset();
    }

    void reset() {
        type = null;
        typeName = null;
        seq = ABSENT;
        timeMillis = ABSENT;
        resetHello();
        resetSample();
        name = null;
        kind = null;
        pauseNanos = ABSENT;
        heapAfterBytes = ABSENT;
        metaspaceAfterBytes = ABSENT;
        event = null;
        requestId = null;
    }

    private void resetHello() {
        protocol = ABSENT;
        worker = null;
        session = null;
        pid = ABSENT;
        jvmVendor = null;
        jvmVersion = null;
        startTimeMillis = ABSENT;
        agentVersion = null;
        cgroupPath = null;
        gcName = null;
    }

    private void resetSample() {
        heapUsedBytes = ABSENT;
        heapCommittedBytes = ABSENT;
        heapMaxBytes = ABSENT;
        directBytes = ABSENT;
        mappedBytes = ABSENT;
        rssBytes = ABSENT;
        metaspaceUsedBytes = ABSENT;
        metaspaceMaxBytes = ABSENT;
        codeCacheBytes = ABSENT;
        compiledMethods = ABSENT;
        loadedClasses = ABSENT;
        phase = null;
        runId = null;
        agentCpuNanos = ABSENT;
        droppedTotal = ABSENT;
        bufferUsed = ABSENT;
        bufferCapacity = ABSENT;
    }

    /**
     * Returns the whole line as text, for handlers that need fields this holder does not keep,
     * such as the {@code entries} of {@code suspects}. Call it while handling the message: the
     * connection reuses its line buffer afterwards.
     */
    public String lineText() {
        return line == null ? "" : new String(line, lineOffset, lineLength, StandardCharsets.UTF_8);
    }

    /**
     * Returns the identity that a {@code hello} carries.
     *
     * @throws IllegalStateException when this message is not a hello with worker and session
     */
    public WorkerIdentity helloIdentity() {
        if (type != MessageType.HELLO || worker == null || session == null) {
            throw new IllegalStateException("message is not a hello with 'worker' and 'session'");
        }
        return new WorkerIdentity(new WorkerKey(worker, session), pid, jvmVendor, jvmVersion, startTimeMillis,
                heapMaxBytes, agentVersion, cgroupPath, gcName);
    }

    /** The {@code protocol} of a hello, or {@link Observation#ABSENT}. */
    public long protocol() {
        return protocol;
    }

    public String requestId() {
        return requestId;
    }

    public MessageType type() {
        return type;
    }

    /** The {@code type} field as sent, also for {@link MessageType#UNKNOWN}. */
    public String typeName() {
        return typeName;
    }

    public long seq() {
        return seq;
    }

    public long timeMillis() {
        return timeMillis;
    }

    public String worker() {
        return worker;
    }

    public String session() {
        return session;
    }

    public String phase() {
        return phase;
    }

    public String runId() {
        return runId;
    }

    public String name() {
        return name;
    }

    public String event() {
        return event;
    }

    public long heapMaxBytes() {
        return heapMaxBytes;
    }

    public long heapAfterBytes() {
        return heapAfterBytes;
    }

    public long droppedTotal() {
        return droppedTotal;
    }
}
