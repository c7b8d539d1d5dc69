package dev.hench.collector.replay;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertState;
import dev.hench.collector.alert.Level;
import dev.hench.collector.alert.Signal;
import dev.hench.collector.leak.Finding;
import dev.hench.collector.leak.LeakDetector;
import dev.hench.collector.leak.LeakSettings;
import dev.hench.collector.leak.Verdict;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The naive baseline that the evaluation compares against. It fits ordinary least squares to
 * process RSS sampled every 5 s over the last 360 samples (30 minutes). It flags a leak as soon as
 * 6 samples exist and the slope is above 1 MiB/h. Severity uses the same time-to-limit thresholds
 * as the robust detector, against the memory limit. Alerts are raised, updated on every level change
 * and resolved when the slope falls back, without confirmation. Not thread-safe.
 */
public final class NaiveRssDetector implements LeakDetector {

    static final long SAMPLE_MILLIS = 5_000;
    static final int WINDOW_SAMPLES = 360;
    static final int MIN_SAMPLES = 6;
    static final double MIN_SLOPE_BYTES_PER_MINUTE = 1024.0 * 1024.0 / 60.0;

    private final LeakSettings settings;
    private final ToLongFunction<WorkerKey> memoryLimitBytes;
    private final Map<WorkerKey, Window> windows = new HashMap<>();

    public NaiveRssDetector(LeakSettings settings, ToLongFunction<WorkerKey> memoryLimitBytes) {
        this.settings = settings;
        this.memoryLimitBytes = memoryLimitBytes;
    }

    @Override
    public List<Alert> observe(WorkerKey worker, Observation observation) {
        if (!Observation.isPresent(observation.rssBytes())) {
            return List.of();
        }
        Window window = windows.computeIfAbsent(worker, key -> new Window(key));
        if (!window.add(observation.timeMillis(), observation.rssBytes())) {
            return List.of();
        }
        return window.judge(observation.timeMillis(), memoryLimitBytes.applyAsLong(worker));
    }

    @Override
    public void forget(WorkerKey worker) {
        windows.remove(worker);
    }

    @Override
    public List<Verdict> verdicts(WorkerKey worker) {
        Window window = windows.get(worker);
        return window == null || window.verdict == null ? List.of() : List.of(window.verdict);
    }

    /** The last 360 RSS samples of one worker and its alert state. */
    private final class Window {
        private final WorkerKey worker;
        private final long[] times = new long[WINDOW_SAMPLES];
        private final double[] values = new double[WINDOW_SAMPLES];
        private int next;
        private int size;
        private long lastSampleMillis = Long.MIN_VALUE;
        private String activeId;
        private Level activeLevel;
        private Instant since;
        private int sequence;
        private Verdict verdict;

        Window(WorkerKey worker) {
            this.worker = worker;
        }

        boolean add(long timeMillis, long rssBytes) {
            if (lastSampleMillis != Long.MIN_VALUE && timeMillis - lastSampleMillis < SAMPLE_MILLIS) {
                return false;
            }
            lastSampleMillis = timeMillis;
            times[next] = timeMillis;
            values[next] = rssBytes;
            next = (next + 1) % WINDOW_SAMPLES;
            size = Math.min(size + 1, WINDOW_SAMPLES);
            return true;
        }

        List<Alert> judge(long now, long limitBytes) {
            if (size < MIN_SAMPLES) {
                return List.of();
            }
            double[] line = leastSquares();
            double slope = line[0];
            double level = line[1];
            boolean leak = slope > MIN_SLOPE_BYTES_PER_MINUTE;
            Duration timeToLimit = leak && limitBytes > 0
                    ? Duration.ofMillis((long) (Math.max(0, limitBytes - level) / slope * 60_000))
                    : null;
            Level verdictLevel = leak ? settings.severity(timeToLimit) : Level.NONE;
            verdict = new Verdict(Signal.NATIVE, "rss", verdictLevel,
                    leak ? Finding.GROWING : Finding.FLAT, now, slope, slope, slope, (long) level,
                    limitBytes > 0 ? limitBytes : null, timeToLimit,
                    Duration.ofMillis(now - times[(next - size + WINDOW_SAMPLES) % WINDOW_SAMPLES]),
                    null, "OLS on RSS over the last " + size + " samples");
            return transition(verdictLevel, now);
        }

        private List<Alert> transition(Level level, long now) {
            if (level == activeLevel || (activeId == null && level == Level.NONE)) {
                return List.of();
            }
            AlertState state;
            if (activeId == null) {
                activeId = "rss-" + worker.sessionId() + "-" + ++sequence;
                since = Instant.ofEpochMilli(now);
                state = AlertState.RAISED;
            } else {
                state = level == Level.NONE ? AlertState.RESOLVED : AlertState.UPDATED;
            }
            Alert alert = new Alert(activeId, worker, Signal.NATIVE, level, state,
                    Instant.ofEpochMilli(now), verdict.slopeBytesPerMinute(),
                    verdict.slopeBytesPerMinute(), verdict.slopeBytesPerMinute(),
                    verdict.floorBytes(), verdict.limitBytes(), verdict.timeToLimit(),
                    verdict.evidenceSpan(), since, "naive RSS slope " + level.displayName(),
                    List.of());
            activeLevel = level == Level.NONE ? null : level;
            if (level == Level.NONE) {
                activeId = null;
            }
            return List.of(alert);
        }

        /** Returns {slope per minute, fitted value at the newest sample}. */
        private double[] leastSquares() {
            int first = (next - size + WINDOW_SAMPLES) % WINDOW_SAMPLES;
            long origin = times[first];
            double sumT = 0;
            double sumY = 0;
            double sumTT = 0;
            double sumTY = 0;
            double lastT = 0;
            for (int i = 0; i < size; i++) {
                int slot = (first + i) % WINDOW_SAMPLES;
                double t = (times[slot] - origin) / 60_000.0;
                double y = values[slot];
                sumT += t;
                sumY += y;
                sumTT += t * t;
                sumTY += t * y;
                lastT = t;
            }
            double n = size;
            double denominator = n * sumTT - sumT * sumT;
            double slope = denominator == 0 ? 0 : (n * sumTY - sumT * sumY) / denominator;
            double intercept = (sumY - slope * sumT) / n;
            return new double[] {slope, intercept + slope * lastT};
        }
    }
}
