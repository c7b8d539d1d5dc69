package dev.hench.collector.leak;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertState;
import dev.hench.collector.alert.Level;
import dev.hench.collector.alert.Signal;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A first, deliberately simple heap leak check on the post-GC heap floor.
 *
 * <p>Each window of {@link FirstLeakCheckSettings#window()} yields one floor point: the smallest
 * heap after an old, mixed or full collection in the window, or, when the window had only young
 * collections, the smallest heap after those. Floors from the warmup span are dropped. Once the
 * newest floors span enough time and points, the check fits a least-squares line and computes
 * Kendall's tau; it raises a heap alert when the slope, the rise as a share of the heap max and
 * the tau all pass their gates. The level is critical when the projected time to the heap max,
 * (max - fitted floor) / slope, is under {@link FirstLeakCheckSettings#criticalWithin()}, else
 * warning. The alert is updated when its level changes and resolved when the slope falls under
 * half its gate or the tau under half of its own.
 *
 * <p>It does not look at metaspace or native memory, phases or warmup signals.
 *
 * <p>Thread-safe under the {@link LeakDetector} contract: one thread at a time per series.
 */
public final class FirstLeakCheck implements LeakDetector {

    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private final FirstLeakCheckSettings settings;
    private final ConcurrentMap<WorkerKey, SeriesState> states = new ConcurrentHashMap<>();

    public FirstLeakCheck(FirstLeakCheckSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Alert> observe(WorkerKey worker, Observation observation) {
        SeriesState state = states.computeIfAbsent(worker, SeriesState::new);
        return state.observe(observation);
    }

    @Override
    public void forget(WorkerKey worker) {
        states.remove(worker);
    }

    /** Floors and alert state of one series. */
    private final class SeriesState {

        private final WorkerKey worker;
        private final FloorFit floors = new FloorFit(settings.maxPoints());
        private long firstMillis = Observation.ABSENT;
        private long heapMaxBytes = Observation.ABSENT;
        private long windowStartMillis = Observation.ABSENT;
        private long windowEndMillis;
        private long windowOldMinBytes = Long.MAX_VALUE;
        private long windowYoungMinBytes = Long.MAX_VALUE;
        private String alertId;
        private Level alertLevel;
        private Instant believedSince;
        private int alertsRaised;

        SeriesState(WorkerKey worker) {
            this.worker = worker;
        }

        List<Alert> observe(Observation observation) {
            long time = observation.timeMillis();
            if (!Observation.isPresent(firstMillis)) {
                firstMillis = time;
            }
            if (Observation.isPresent(observation.heapMaxBytes())) {
                heapMaxBytes = observation.heapMaxBytes();
            }
            if (!observation.isGcEvent()) {
                return List.of();
            }
            List<Alert> transitions = List.of();
            if (!Observation.isPresent(windowStartMillis)) {
                windowStartMillis = time;
            } else if (time >= windowStartMillis + settings.window().toMillis()) {
                transitions = closeWindow(time);
            }
            addToWindow(observation);
            return transitions;
        }

        private void addToWindow(Observation gc) {
            long after = gc.heapAfterGcBytes();
            if (gc.gcKind().reachesOldGeneration()) {
                windowOldMinBytes = Math.min(windowOldMinBytes, after);
            } else {
                windowYoungMinBytes = Math.min(windowYoungMinBytes, after);
            }
            windowEndMillis = gc.timeMillis();
        }

        private List<Alert> closeWindow(long nextGcMillis) {
            long floor = windowOldMinBytes != Long.MAX_VALUE ? windowOldMinBytes : windowYoungMinBytes;
            long floorMillis = windowEndMillis;
            windowOldMinBytes = Long.MAX_VALUE;
            windowYoungMinBytes = Long.MAX_VALUE;
            windowStartMillis = nextGcMillis;
            if (floorMillis - firstMillis < settings.warmup().toMillis()) {
                return List.of();
            }
            floors.add(floorMillis, floor);
            return evaluate(floorMillis);
        }

        private List<Alert> evaluate(long nowMillis) {
            if (floors.size() < settings.minPoints()
                    || floors.spanMillis() < settings.minSpan().toMillis()) {
                return List.of();
            }
            Fit fit = floors.fit();
            if (isLeak(fit)) {
                return leakSeen(fit, nowMillis);
            }
            if (alertId != null && isFlat(fit)) {
                return List.of(resolve(fit, nowMillis));
            }
            return List.of();
        }

        private boolean isLeak(Fit fit) {
            boolean steepEnough = fit.slopeMiBPerMinute() >= settings.minSlopeMiBPerMinute();
            boolean consistent = fit.tau() >= settings.minTrend();
            boolean largeEnough = !Observation.isPresent(heapMaxBytes)
                    || fit.riseBytes() >= settings.minRiseShareOfMax() * heapMaxBytes;
            return steepEnough && consistent && largeEnough && fit.slopeBytesPerMilli() > 0;
        }

        private boolean isFlat(Fit fit) {
            return fit.slopeMiBPerMinute() < settings.minSlopeMiBPerMinute() / 2
                    || fit.tau() < settings.minTrend() / 2;
        }

        private List<Alert> leakSeen(Fit fit, long nowMillis) {
            Duration timeToLimit = timeToLimit(fit);
            boolean critical = timeToLimit != null && timeToLimit.compareTo(settings.criticalWithin()) < 0;
            Level level = critical ? Level.CRITICAL : Level.WARNING;
            if (alertId == null) {
                alertsRaised++;
                alertId = "heap-" + shortSession() + "-" + alertsRaised;
                believedSince = Instant.ofEpochMilli(nowMillis);
                alertLevel = level;
                return List.of(alert(AlertState.RAISED, level, fit, timeToLimit, nowMillis));
            }
            if (level != alertLevel) {
                alertLevel = level;
                return List.of(alert(AlertState.UPDATED, level, fit, timeToLimit, nowMillis));
            }
            return List.of();
        }

        private Alert resolve(Fit fit, long nowMillis) {
            Alert resolved = alert(AlertState.RESOLVED, Level.NONE, fit, null, nowMillis);
            alertId = null;
            alertLevel = null;
            believedSince = null;
            return resolved;
        }

        private Duration timeToLimit(Fit fit) {
            if (!Observation.isPresent(heapMaxBytes) || fit.slopeBytesPerMilli() <= 0) {
                return null;
            }
            double headroomBytes = Math.max(0, heapMaxBytes - fit.fittedLastBytes());
            return Duration.ofMillis((long) (headroomBytes / fit.slopeBytesPerMilli()));
        }

        private Alert alert(AlertState state, Level level, Fit fit, Duration timeToLimit, long nowMillis) {
            Long limit = Observation.isPresent(heapMaxBytes) ? heapMaxBytes : null;
            double slopePerMinute = fit.slopeBytesPerMilli() * 60_000;
            return new Alert(alertId, worker, Signal.HEAP, level, state, Instant.ofEpochMilli(nowMillis),
                    slopePerMinute, null, null, (long) fit.fittedLastBytes(), limit, timeToLimit,
                    Duration.ofMillis(floors.spanMillis()), believedSince,
                    message(state, fit, timeToLimit), List.of());
        }

        private String message(AlertState state, Fit fit, Duration timeToLimit) {
            String growth = String.format(Locale.ROOT, "heap floor %s %.1f MiB/min over %ds (tau %.2f)",
                    state == AlertState.RESOLVED ? "now changes" : "grows", fit.slopeMiBPerMinute(),
                    floors.spanMillis() / 1000, fit.tau());
            if (timeToLimit == null) {
                return growth;
            }
            return growth + String.format(Locale.ROOT, ", %.0f of %.0f MiB used, about %ds to the heap max",
                    fit.fittedLastBytes() / BYTES_PER_MIB, heapMaxBytes / BYTES_PER_MIB,
                    timeToLimit.toSeconds());
        }

        private String shortSession() {
            String session = worker.sessionId();
            return session.length() <= 8 ? session : session.substring(0, 8);
        }
    }
}
