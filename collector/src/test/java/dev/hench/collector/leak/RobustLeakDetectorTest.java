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
    void briefRiseInCycleFloorsIsNoLeak() {
        // Each cycle ends 0.5 MiB higher for 40 cycles, then the floor stays: growth that stops.
        feedCycles(0, 600, second -> 45 * MIB + Math.min(second, 160) / 4 * MIB / 2);
        assertThat(alerts).extracting(Alert::signal).doesNotContain(Signal.HEAP);
    }

    @Test
    void leakInCyclesIsReported() {
        feedCycles(0, 600, second -> 45 * MIB + second / 4 * 8 * MIB);
        assertThat(alerts).extracting(Alert::signal).contains(Signal.HEAP);
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

    /**
     * Feeds 4 s load/output cycles with run ids: in load the heap after GC is 300 MiB above the
     * floor, in output a mixed collection leaves {@code floor}. Counters settle as in {@link #feed}.
     */
    private void feedCycles(long fromSecond, long toSecond, java.util.function.LongUnaryOperator floor) {
        for (long second = fromSecond; second < toSecond; second += 4) {
            String runId = "run-" + second / 4;
            long base = floor.applyAsLong(second);
            cycleStep(second, 0, "load", runId, GcKind.YOUNG, base + 300 * MIB);
            cycleStep(second, 2, "output", runId, GcKind.MIXED, base);
        }
    }

    private void cycleStep(long cycleSecond, long offsetSeconds, String phase, String runId,
            GcKind kind, long afterGcBytes) {
        long second = cycleSecond + offsetSeconds;
        double warm = 1 - Math.exp(-(second + 1) / 20.0);
        Observation sample = Observation.at(second * 1000).heap(afterGcBytes, HEAP_MAX, HEAP_MAX)
                .rssBytes(HEAP_MAX + 300 * MIB).metaspace(80 * MIB, Observation.ABSENT)
                .codeCacheBytes(30 * MIB).bufferPools(MIB, 0)
                .counters(Math.round(5000 * warm), Math.round(3000 * warm))
                .phase(phase).runId(runId).build();
        alerts.addAll(detector.observe(worker, sample));
        Observation gc = Observation.at(second * 1000 + 1000).gc(kind, afterGcBytes, 20_000_000).build();
        alerts.addAll(detector.observe(worker, gc));
    }

    private Verdict heapVerdict() {
        return verdict("heap");
    }

    private Verdict verdict(String source) {
        return detector.verdicts(worker).stream().filter(v -> v.source().equals(source))
                .findFirst().orElseThrow();
    }
}
