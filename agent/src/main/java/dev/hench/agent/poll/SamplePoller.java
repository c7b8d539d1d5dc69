package dev.hench.agent.poll;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;

import dev.hench.agent.phase.PhaseTracker;
import dev.hench.agent.wire.FieldName;
import dev.hench.agent.wire.JsonWriter;
import dev.hench.agent.wire.MessageBody;
import dev.hench.agent.wire.MessageRing;

/**
 * Takes one {@code sample} per sampling interval: heap from {@code MemoryMXBean}, the direct and
 * mapped buffer pools, RSS (from JFR when it delivers {@code jdk.ResidentSetSize}, else from
 * statm), the latest JFR readings, the current phase and run, and the agent's own cost.
 *
 * <p>In steady state a poll allocates only the {@link MemoryUsage} that the JDK returns (48 bytes
 * on a 64-bit JVM with compressed oops). It never calls the OperatingSystemMXBean memory getters,
 * which on Linux with container support read cgroup files and allocate kilobytes per call.
 *
 * <p>Used by one thread at a time (the sampler thread, or a benchmark).
 */
public final class SamplePoller implements MessageBody {

    private static final FieldName TIME_MILLIS = FieldName.of("timeMillis");
    private static final FieldName HEAP_USED_BYTES = FieldName.of("heapUsedBytes");
    private static final FieldName HEAP_COMMITTED_BYTES = FieldName.of("heapCommittedBytes");
    private static final FieldName HEAP_MAX_BYTES = FieldName.of("heapMaxBytes");
    private static final FieldName DIRECT_BYTES = FieldName.of("directBytes");
    private static final FieldName MAPPED_BYTES = FieldName.of("mappedBytes");
    private static final FieldName RSS_BYTES = FieldName.of("rssBytes");
    private static final FieldName RSS_SOURCE = FieldName.of("rssSource");
    private static final FieldName METASPACE_USED_BYTES = FieldName.of("metaspaceUsedBytes");
    private static final FieldName METASPACE_COMMITTED_BYTES = FieldName.of("metaspaceCommittedBytes");
    private static final FieldName METASPACE_MAX_BYTES = FieldName.of("metaspaceMaxBytes");
    private static final FieldName CODE_CACHE_BYTES = FieldName.of("codeCacheBytes");
    private static final FieldName COMPILED_METHODS = FieldName.of("compiledMethods");
    private static final FieldName LOADED_CLASSES = FieldName.of("loadedClasses");
    private static final FieldName UNLOADED_CLASSES = FieldName.of("unloadedClasses");
    private static final FieldName PHYSICAL_TOTAL_BYTES = FieldName.of("physicalTotalBytes");
    private static final FieldName PHYSICAL_USED_BYTES = FieldName.of("physicalUsedBytes");
    private static final FieldName PHASE = FieldName.of("phase");
    private static final FieldName RUN_ID = FieldName.of("runId");
    private static final FieldName AGENT_CPU_NANOS = FieldName.of("agentCpuNanos");
    private static final FieldName MALFORMED_JFR_EVENTS = FieldName.of("malformedJfrEvents");
    private static final FieldName UNKNOWN_COLLECTOR_MESSAGES = FieldName.of("unknownCollectorMessages");
    private static final FieldName DROPPED_TOTAL = FieldName.of("droppedTotal");
    private static final FieldName BUFFER_USED = FieldName.of("bufferUsed");
    private static final FieldName BUFFER_CAPACITY = FieldName.of("bufferCapacity");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final BufferPoolMXBean directPool;
    private final BufferPoolMXBean mappedPool;
    private final StatmReader statm;
    private final LatestReadings jfr;
    private final AgentCpuClock cpuClock;
    private final MessageRing ring;
    private volatile MemoryPoolFallback poolFallback;

    private long timeMillis;
    private long heapUsedBytes;
    private long heapCommittedBytes;
    private long heapMaxBytes;
    private long directBytes;
    private long mappedBytes;
    private long rssBytes;
    private String rssSource;

    /**
     * @param statm RSS reader, or null where /proc is unavailable
     * @param jfr readings kept current by the JFR stream (all absent without JFR)
     */
    public SamplePoller(StatmReader statm, LatestReadings jfr, AgentCpuClock cpuClock, MessageRing ring) {
        this.statm = statm;
        this.jfr = jfr;
        this.cpuClock = cpuClock;
        this.ring = ring;
        this.directPool = bufferPool("direct");
        this.mappedPool = bufferPool("mapped");
    }

    /**
     * Makes each poll read metaspace, code cache and class counts from MXBeans, because JFR will not
     * deliver them; called once when JFR turns out to be off or unavailable.
     */
    public void useMemoryPoolsForJfrSignals() {
        poolFallback = new MemoryPoolFallback();
    }

    /** Polls the JVM and appends one {@code sample} to the buffer; returns its sequence number. */
    public long pollAndAppend() {
        poll();
        return ring.append("sample", this);
    }

    void poll() {
        timeMillis = System.currentTimeMillis();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        heapUsedBytes = heap.getUsed();
        heapCommittedBytes = heap.getCommitted();
        heapMaxBytes = heap.getMax() < 0 ? JsonWriter.ABSENT : heap.getMax();
        directBytes = poolBytes(directPool);
        mappedBytes = poolBytes(mappedPool);
        pollRss();
        MemoryPoolFallback fallback = poolFallback;
        if (fallback != null) {
            fallback.pollInto(jfr);
        }
    }

    private void pollRss() {
        long fromJfr = jfr.jfrRssBytes;
        if (fromJfr != JsonWriter.ABSENT) {
            rssBytes = fromJfr;
            rssSource = "jfr";
            return;
        }
        rssBytes = statm == null ? JsonWriter.ABSENT : statm.residentBytes();
        rssSource = rssBytes == JsonWriter.ABSENT ? null : "statm";
    }

    @Override
    public void writeFields(JsonWriter writer) {
        writer.field(TIME_MILLIS, timeMillis);
        writer.field(HEAP_USED_BYTES, heapUsedBytes);
        writer.field(HEAP_COMMITTED_BYTES, heapCommittedBytes);
        writer.field(HEAP_MAX_BYTES, heapMaxBytes);
        writer.field(DIRECT_BYTES, directBytes);
        writer.field(MAPPED_BYTES, mappedBytes);
        writer.field(RSS_BYTES, rssBytes);
        writer.field(RSS_SOURCE, rssSource);
        writer.field(METASPACE_USED_BYTES, jfr.metaspaceUsedBytes);
        writer.field(METASPACE_COMMITTED_BYTES, jfr.metaspaceCommittedBytes);
        writer.field(METASPACE_MAX_BYTES, jfr.metaspaceMaxBytes);
        writer.field(CODE_CACHE_BYTES, jfr.codeCacheBytes);
        writer.field(COMPILED_METHODS, jfr.compiledMethods);
        writer.field(LOADED_CLASSES, jfr.loadedClasses);
        writer.field(UNLOADED_CLASSES, jfr.unloadedClasses);
        writer.field(PHYSICAL_TOTAL_BYTES, jfr.physicalTotalBytes);
        writer.field(PHYSICAL_USED_BYTES, jfr.physicalUsedBytes);
        writePhase(writer);
        writer.field(AGENT_CPU_NANOS, cpuClock.totalNanos());
        writer.field(MALFORMED_JFR_EVENTS, jfr.malformedJfrEvents);
        writer.field(UNKNOWN_COLLECTOR_MESSAGES, jfr.unknownCollectorMessages);
        // Called under the ring's lock, which is reentrant, so these reads are consistent.
        writer.field(DROPPED_TOTAL, ring.droppedTotal());
        writer.field(BUFFER_USED, ring.used());
        writer.field(BUFFER_CAPACITY, ring.capacity());
    }

    private static void writePhase(JsonWriter writer) {
        PhaseTracker phases = PhaseTracker.active();
        if (phases != null) {
            writer.field(PHASE, phases.innermostPhase());
            writer.field(RUN_ID, phases.runId());
        }
    }

    private static long poolBytes(BufferPoolMXBean pool) {
        if (pool == null) {
            return JsonWriter.ABSENT;
        }
        long used = pool.getMemoryUsed();
        return used < 0 ? JsonWriter.ABSENT : used;
    }

    private static BufferPoolMXBean bufferPool(String name) {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals(name)) {
                return pool;
            }
        }
        return null;
    }
}
