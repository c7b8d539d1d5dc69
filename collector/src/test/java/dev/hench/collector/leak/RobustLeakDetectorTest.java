package dev.hench.collector.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertState;
import dev.hench.collector.alert.Level;
import dev.hench.collector.alert.Signal;
import dev.hench.collector.signal.GcKind;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobustLeakDetectorTest {

    private static final long MIB = 1 << 20;
    private static final long HEAP_MAX = 2048 * MIB;
    private final WorkerKey worker = new WorkerKey("w", "session1");
    private final RobustLeakDetector detector =
            new RobustLeakDetector(LeakSettings.defaults(), key -> 8192 * MIB);
    private final List<Alert> alerts = new ArrayList<>();

    @Test
    void fastHeapLeakIsCritical() {
        feed(0, 900, second -> 250 * MIB + Math.max(0, second - 120) * MIB, 1);
        Alert raised = alerts.stream().filter(a -> a.signal() == Signal.HEAP).findFirst()
                .orElseThrow();
        assertThat(raised.state()).isEqualTo(AlertState.RAISED);
        assertThat(alerts).extracting(Alert::level).contains(Level.CRITICAL);
        assertThat(raised.timeToLimit()).isNotNull();
        assertThat(raised.slopeBytesPerMinute()).isBetween(0.9 * 60 * MIB, 1.1 * 60 * MIB);
    }

    @Test
    void flatHeapGetsNoneAfterEnoughEvidence() {
        feed(0, 3600, second -> 500 * MIB, 1);
        assertThat(alerts).isEmpty();
        assertThat(heapVerdict().level()).isEqualTo(Level.NONE);
    }

    @Test
    void insufficientDataBeforeEvidence() {
        feed(0, 90, second -> 500 * MIB + second * MIB, 1);
        assertThat(alerts).isEmpty();
        assertThat(heapVerdict().level()).isEqualTo(Level.INSUFFICIENT_DATA);
    }

    @Test
    void restartUnderSameKeyStartsNewBaseline() {
        feed(0, 1800, second -> 300 * MIB, 1);
        feed(1800, 3600, second -> 900 * MIB, 1800);
        assertThat(alerts).isEmpty();
        Verdict heap = heapVerdict();
        assertThat(heap.level()).isIn(Level.NONE, Level.INSUFFICIENT_DATA);
    }

    @Test
    void missingGcEventsAreSaidExplicitly() {
        for (long second = 0; second < 900; second += 5) {
            detector.observe(worker, Observation.at(second * 1000)
                    .heap(100 * MIB, 512 * MIB, HEAP_MAX).rssBytes(700 * MIB).build());
        }
        assertThat(heapVerdict().reason()).contains("no GC events");
        assertThat(verdict("native").reason()).contains("missing: metaspace, code cache");
        assertThat(verdict("gc").level()).isEqualTo(Level.INSUFFICIENT_DATA);
    }

    @Test
    void memoryPerWorkerIsBounded() {
        assertThat(RobustLeakDetector.retainedBytesPerWorker()).isBetween(100_000L, 1_000_000L);
    }

    /** Feeds samples every 5 s with an old collection every 30 s; counters restart at start. */
    private void feed(long fromSecond, long toSecond, java.util.function.LongUnaryOperator live,
            long jvmStartSecond) {
        for (long second = fromSecond; second < toSecond; second += 5) {
            long age = second - jvmStartSecond + 1;
            double warm = 1 - Math.exp(-age / 20.0);
            long compiled = Math.round(5000 * warm);
            long classes = Math.round(3000 * warm);
            Observation.Builder sample = Observation.at(second * 1000)
                    .heap(live.applyAsLong(second) + 50 * MIB, HEAP_MAX, HEAP_MAX)
                    .rssBytes(HEAP_MAX + 300 * MIB).metaspace(80 * MIB, Observation.ABSENT)
                    .codeCacheBytes(30 * MIB).bufferPools(MIB, 0).counters(compiled, classes);
            if (second % 30 == 0) {
                sample.gc(GcKind.MIXED, live.applyAsLong(second), 20_000_000);
            }
            alerts.addAll(detector.observe(worker, sample.build()));
        }
    }

    private Verdict heapVerdict() {
        return verdict("heap");
    }

    private Verdict verdict(String source) {
        return detector.verdicts(worker).stream().filter(v -> v.source().equals(source))
                .findFirst().orElseThrow();
    }
}
