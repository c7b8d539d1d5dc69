package dev.hench.jmh.agent;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.hench.agent.poll.AgentCpuClock;
import dev.hench.agent.poll.LatestReadings;
import dev.hench.agent.poll.SamplePoller;
import dev.hench.agent.poll.StatmReader;
import dev.hench.agent.wire.MessageRing;

/**
 * The agent's per-sample hot path as the sampler thread runs it: record its own CPU time, poll
 * heap, buffer pools and RSS, encode the {@code sample} line and append it to the buffer. The
 * append is followed by an acknowledgement, as a connected collector sends, so the buffer stays
 * in its steady state. Run with {@code -prof gc} to see bytes per sample.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgentHotPathBenchmark {

    private MessageRing ring;
    private AgentCpuClock cpuClock;
    private SamplePoller poller;
    private SamplePoller pollerWithJfrRss;
    private StatmReader statm;
    private MemoryMXBean memory;

    @Setup(Level.Trial)
    public void setUp() {
        ring = new MessageRing(1_200, 1_024);
        cpuClock = new AgentCpuClock();
        statm = StatmReader.open(Path.of("/proc/self/statm"), Path.of("/proc/self/status"));
        poller = new SamplePoller(statm, jfrReadings(), cpuClock, ring);
        LatestReadings withRss = jfrReadings();
        withRss.jfrRssBytes = 201_326_592;
        pollerWithJfrRss = new SamplePoller(statm, withRss, cpuClock, ring);
        memory = ManagementFactory.getMemoryMXBean();
        poller.pollAndAppend();
    }

    /** Returns readings as the JFR stream would have delivered them, so every field is encoded. */
    private static LatestReadings jfrReadings() {
        LatestReadings readings = new LatestReadings();
        readings.metaspaceUsedBytes = 25_165_824;
        readings.metaspaceCommittedBytes = 26_214_400;
        readings.codeCacheBytes = 9_437_184;
        readings.compiledMethods = 2_310;
        readings.loadedClasses = 4_120;
        readings.unloadedClasses = 0;
        readings.physicalTotalBytes = 25_769_803_776L;
        readings.physicalUsedBytes = 3_221_225_472L;
        return readings;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (statm != null) {
            statm.close();
        }
    }

    /** Runs the whole per-sample path: CPU clock, poll, encode, enqueue, and the collector's ack. */
    @Benchmark
    public long sample() {
        cpuClock.recordSamplerEvery();
        long seq = poller.pollAndAppend();
        ring.acknowledge(seq);
        return seq;
    }

    /** Runs the same path as on JDK 21+, where JFR's jdk.ResidentSetSize replaces the statm read. */
    @Benchmark
    public long sampleWithJfrRss() {
        cpuClock.recordSamplerEvery();
        long seq = pollerWithJfrRss.pollAndAppend();
        ring.acknowledge(seq);
        return seq;
    }

    /** Encodes the last polled values and appends them, without any JVM or kernel read. */
    @Benchmark
    public long encodeAndEnqueue() {
        long seq = ring.append("sample", poller);
        ring.acknowledge(seq);
        return seq;
    }

    /** Reads the sampler thread's own CPU clock alone. */
    @Benchmark
    public long cpuClockOnly() {
        cpuClock.recordCurrentThread(AgentCpuClock.SAMPLER);
        return cpuClock.totalNanos();
    }

    /** Reads the heap usage alone: the one allocation the hot path allows. */
    @Benchmark
    public long heapUsageOnly() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Reads RSS from /proc/self/statm alone. */
    @Benchmark
    public long statmOnly() {
        return statm.residentBytes();
    }
}
