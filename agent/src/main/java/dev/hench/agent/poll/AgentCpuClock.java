package dev.hench.agent.poll;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.hench.agent.wire.JsonWriter;

/**
 * CPU time of the agent's own threads. Each agent thread calls {@link #recordCurrentThread} now
 * and then; {@link #totalNanos} adds up the latest readings.
 *
 * <p>Each thread reads its own clock through {@code getCurrentThreadCpuTime()}, which allocates
 * nothing, rather than the sampler reading the others' by id (JDK 17 allocates arrays for that).
 * Thread-safe, except {@link #recordSamplerEvery}, which only the sampler thread calls.
 */
public final class AgentCpuClock {

    /** Slot of the sampler thread. */
    public static final int SAMPLER = 0;
    /** Slot of the sender thread. */
    public static final int SENDER = 1;
    /** Slot of the JFR stream thread. */
    public static final int JFR = 2;
    /** Slot of the detail-mode thread. */
    public static final int DETAIL = 3;

    /**
     * Samples between two reads of the sampler thread's own clock. A thread CPU clock read is a
     * system call of about 1 µs on a VM (JMH {@code cpuClockOnly}), as much as the rest of a sample,
     * while the sampler's CPU time grows by microseconds per sample; so it is read every 16th
     * sample and the reported total lags by at most 16 intervals.
     */
    static final int SAMPLER_READ_EVERY = 16;

    private final AtomicLongArray nanosBySlot = new AtomicLongArray(4);
    private int samplesSinceSamplerRead = SAMPLER_READ_EVERY;
    private final ThreadMXBean threads;
    private final boolean supported;

    public AgentCpuClock() {
        threads = ManagementFactory.getThreadMXBean();
        supported = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    }

    /** Stores the calling thread's CPU time in {@code slot}. */
    public void recordCurrentThread(int slot) {
        if (supported) {
            nanosBySlot.set(slot, threads.getCurrentThreadCpuTime());
        }
    }

    /** Stores the sampler thread's CPU time every {@link #SAMPLER_READ_EVERY} calls; sampler thread only. */
    public void recordSamplerEvery() {
        if (++samplesSinceSamplerRead >= SAMPLER_READ_EVERY) {
            samplesSinceSamplerRead = 0;
            recordCurrentThread(SAMPLER);
        }
    }

    /** Returns the sum over all slots, or {@link JsonWriter#ABSENT} when the JVM measures no thread CPU time. */
    public long totalNanos() {
        if (!supported) {
            return JsonWriter.ABSENT;
        }
        long total = 0;
        for (int i = 0; i < nanosBySlot.length(); i++) {
            total += Math.max(0, nanosBySlot.get(i));
        }
        return total;
    }
}
