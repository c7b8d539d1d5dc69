package dev.hench.jmh.leak;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.leak.LeakSettings;
import dev.hench.collector.leak.RobustLeakDetector;
import dev.hench.collector.signal.GcKind;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one observation through {@link RobustLeakDetector}, including its share of the
 * scheduled fits, after 1 hour, 24 hours or 7 days of prior data for the worker. Samples are
 * 1 s apart, with a young collection every 5 s and a mixed one every 30 s, and a live set that
 * leaks slowly so that every series is fitted. The score must not grow with the history length.
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar LeakDetectorBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LeakDetectorBenchmark {

    private static final long MIB = 1 << 20;
    private static final long HEAP_MAX = 4096 * MIB;

    @Param({"1h", "24h", "7d"})
    public String history;

    private RobustLeakDetector detector;
    private final WorkerKey worker = new WorkerKey("bench", "session");
    private long second;

    @Setup(Level.Trial)
    public void fillHistory() {
        detector = new RobustLeakDetector(LeakSettings.defaults(), key -> 16384 * MIB);
        long priorSeconds = switch (history) {
            case "1h" -> 3600;
            case "24h" -> 24 * 3600;
            default -> 7 * 24 * 3600;
        };
        for (second = 0; second < priorSeconds; second++) {
            detector.observe(worker, observationAt(second));
        }
    }

    @Benchmark
    public List<Alert> observe() {
        return detector.observe(worker, observationAt(second++));
    }

    /** Creates the observation of one second; ingest allocates it too, so it is measured. */
    private static Observation observationAt(long second) {
        long live = 1024 * MIB + second * 10 * MIB / 3600 + (second * 7919 % 13) * MIB / 4;
        Observation.Builder sample = Observation.at(second * 1000)
                .heap(live + (second % 5) * 40 * MIB, HEAP_MAX, HEAP_MAX)
                .rssBytes(HEAP_MAX + 400 * MIB + (second % 11) * MIB)
                .metaspace(90 * MIB, Observation.ABSENT).codeCacheBytes(40 * MIB)
                .bufferPools(16 * MIB, 0).counters(9000 + second / 60, 6000);
        if (second % 30 == 0) {
            sample.gc(GcKind.MIXED, live, 25_000_000);
        } else if (second % 5 == 0) {
            sample.gc(GcKind.YOUNG, live + (second % 30) * MIB, 5_000_000);
        }
        return sample.build();
    }
}
