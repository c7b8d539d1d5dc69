package dev.hench.agent.poll;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;

import dev.hench.agent.phase.PhaseTracker;
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

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final BufferPoolMXBean directPool;
    private final BufferPoolMXBean mappedPool;
    private final StatmReader statm;
    private final LatestReadings jfr;
    private final AgentCpuClock cpuClock;
    private final MessageRing ring;

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
        cpuClock.recordCurrentThread(AgentCpuClock.SAMPLER);
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
        writer.field("timeMillis", timeMillis);
        writer.field("heapUsedBytes", heapUsedBytes);
        writer.field("heapCommittedBytes", heapCommittedBytes);
        writer.field("heapMaxBytes", heapMaxBytes);
        writer.field("directBytes", directBytes);
        writer.field("mappedBytes", mappedBytes);
        writer.field("rssBytes", rssBytes);
        writer.field("rssSource", rssSource);
        writer.field("metaspaceUsedBytes", jfr.metaspaceUsedBytes);
        writer.field("metaspaceCommittedBytes", jfr.metaspaceCommittedBytes);
        writer.field("metaspaceMaxBytes", jfr.metaspaceMaxBytes);
        writer.field("codeCacheBytes", jfr.codeCacheBytes);
        writer.field("compiledMethods", jfr.compiledMethods);
        writer.field("loadedClasses", jfr.loadedClasses);
        writer.field("unloadedClasses", jfr.unloadedClasses);
        writer.field("physicalTotalBytes", jfr.physicalTotalBytes);
        writer.field("physicalUsedBytes", jfr.physicalUsedBytes);
        writePhase(writer);
        writer.field("agentCpuNanos", cpuClock.totalNanos());
        writer.field("malformedJfrEvents", jfr.malformedJfrEvents);
        writer.field("unknownCollectorMessages", jfr.unknownCollectorMessages);
        // Called under the ring's lock, which is reentrant, so these reads are consistent.
        writer.field("droppedTotal", ring.droppedTotal());
        writer.field("bufferUsed", ring.used());
        writer.field("bufferCapacity", ring.capacity());
    }

    private static void writePhase(JsonWriter writer) {
        PhaseTracker phases = PhaseTracker.active();
        if (phases != null) {
            writer.field("phase", phases.innermostPhase());
            writer.field("runId", phases.runId());
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
