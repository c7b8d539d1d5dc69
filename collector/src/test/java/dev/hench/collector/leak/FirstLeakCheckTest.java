package dev.hench.collector.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertState;
import dev.hench.collector.alert.Level;
import dev.hench.collector.alert.Signal;
import dev.hench.collector.config.Settings;
import dev.hench.collector.signal.GcKind;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class FirstLeakCheckTest {

    private static final long MIB = 1024 * 1024;
    private static final long HEAP_MAX = 256 * MIB;
    private static final WorkerKey WORKER = new WorkerKey("leak-1", "0123456789abcdef");

    private final FirstLeakCheck check = new FirstLeakCheck(FirstLeakCheckSettings.from(Settings.of(Map.of(
            "leak.first.window", "10s",
            "leak.first.warmup", "30s",
            "leak.first.minSpan", "60s",
            "leak.first.minPoints", "6",
            "leak.first.maxPoints", "30"))));
    private final Random random = new Random(7);

    /** Feeds a sample each second and a GC every two seconds, heap after GC from {@code floorAt}. */
    private List<Alert> run(long fromSecond, long toSecond, GcKind kind, LongUnaryOperator floorAt) {
        List<Alert> alerts = new ArrayList<>();
        for (long second = fromSecond; second < toSecond; second++) {
            long time = second * 1000;
            alerts.addAll(check.observe(WORKER, Observation.at(time).heap(80 * MIB, 128 * MIB, HEAP_MAX).build()));
            if (second % 2 == 0) {
                long noise = (long) (random.nextGaussian() * 0.5 * MIB);
                Observation gc = Observation.at(time + 1).gc(kind, floorAt.applyAsLong(second) + noise, 1_000_000)
                        .heap(Observation.ABSENT, Observation.ABSENT, HEAP_MAX).build();
                alerts.addAll(check.observe(WORKER, gc));
            }
        }
        return alerts;
    }

    private static LongUnaryOperator growing(double mibPerMinute) {
        return second -> 40 * MIB + (long) (mibPerMinute * MIB * second / 60);
    }

    @Test
    void steadyFloorRaisesNothing() {
        List<Alert> alerts = run(0, 1800, GcKind.YOUNG, second -> 40 * MIB);

        assertThat(alerts).isEmpty();
    }

    @Test
    void growingFloorRaisesHeapWarning() {
        List<Alert> alerts = run(0, 180, GcKind.YOUNG, growing(10));

        assertThat(alerts).isNotEmpty();
        Alert raised = alerts.get(0);
        assertThat(raised.state()).isEqualTo(AlertState.RAISED);
        assertThat(raised.signal()).isEqualTo(Signal.HEAP);
        assertThat(raised.level()).isEqualTo(Level.WARNING);
        assertThat(raised.slopeBytesPerMinute() / MIB).isBetween(8.0, 12.0);
        assertThat(raised.limitBytes()).isEqualTo(HEAP_MAX);
    }

    @Test
    void timeToLimitIsHeadroomOverSlope() {
        Alert raised = run(0, 180, GcKind.OLD, growing(10)).get(0);

        double expectedMinutes = (HEAP_MAX - raised.floorBytes()) / (raised.slopeBytesPerMinute());
        assertThat(raised.timeToLimit().toSeconds() / 60.0).isCloseTo(expectedMinutes,
                org.assertj.core.data.Offset.offset(0.1));
        assertThat(expectedMinutes).isBetween(15.0, 25.0);
    }

    @Test
    void noVerdictBeforeWarmupAndMinimumSpan() {
        List<Alert> alerts = run(0, 85, GcKind.YOUNG, growing(60));

        assertThat(alerts).isEmpty();
    }

    @Test
    void fastLeakNearLimitIsCritical() {
        Alert raised = run(0, 150, GcKind.YOUNG, growing(60)).get(0);

        assertThat(raised.level()).isEqualTo(Level.CRITICAL);
        assertThat(raised.timeToLimit()).isLessThan(Duration.ofMinutes(15));
    }

    @Test
    void warmupRiseThenFlatRaisesNothing() {
        List<Alert> alerts = run(0, 900, GcKind.YOUNG,
                second -> 40 * MIB + Math.min(second, 25) * MIB);

        assertThat(alerts).isEmpty();
    }

    @Test
    void smallSlopeBelowGatesRaisesNothing() {
        List<Alert> alerts = run(0, 600, GcKind.OLD, growing(0.5));

        assertThat(alerts).isEmpty();
    }

    @Test
    void leakThatStopsIsResolvedWithTheSameId() {
        List<Alert> alerts = new ArrayList<>(run(0, 200, GcKind.OLD, growing(10)));
        long plateau = growing(10).applyAsLong(200);
        alerts.addAll(run(200, 800, GcKind.OLD, second -> plateau));

        assertThat(alerts).extracting(Alert::state).containsExactly(AlertState.RAISED, AlertState.RESOLVED);
        assertThat(alerts.get(1).id()).isEqualTo(alerts.get(0).id());
    }

    @Test
    void oldCollectionFloorsWinOverYoungOnes() {
        List<Alert> alerts = new ArrayList<>();
        for (long second = 0; second < 600; second++) {
            long time = second * 1000;
            // Young GCs leave old-generation garbage that piles up; old GCs show the flat live set.
            long youngAfter = 40 * MIB + (second % 120) * MIB;
            alerts.addAll(check.observe(WORKER, Observation.at(time).gc(GcKind.YOUNG, youngAfter, 1).build()));
            if (second % 5 == 0) {
                alerts.addAll(check.observe(WORKER, Observation.at(time + 1).gc(GcKind.MIXED, 40 * MIB, 1).build()));
            }
        }

        assertThat(alerts).isEmpty();
    }

    @Test
    void forgetStartsOver() {
        run(0, 80, GcKind.YOUNG, growing(60));
        check.forget(WORKER);

        List<Alert> alerts = run(80, 160, GcKind.YOUNG, growing(60));

        assertThat(alerts).isEmpty();
    }

    @Test
    void warningBecomesCriticalNearLimit() {
        List<Alert> alerts = run(0, 600, GcKind.OLD, growing(10));

        assertThat(alerts).extracting(Alert::state).containsExactly(AlertState.RAISED, AlertState.UPDATED);
        assertThat(alerts).extracting(Alert::level).containsExactly(Level.WARNING, Level.CRITICAL);
        assertThat(alerts.get(1).id()).isEqualTo(alerts.get(0).id());
        assertThat(alerts.get(1).timeToLimit()).isLessThan(Duration.ofMinutes(15));
    }
}
