package dev.hench.collector.leak;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.Signal;
import dev.hench.collector.signal.WorkerKey;
import java.util.List;

/** Per-series state between fits: where the latest regime starts, the verdict, the alert. */
final class SeriesTrack {

    private final Signal signal;
    private final String source;
    private final AlertLifecycle lifecycle;
    private long regimeStartMillis = Long.MIN_VALUE;
    private Verdict verdict;

    SeriesTrack(WorkerKey worker, Signal signal, String source) {
        this.signal = signal;
        this.source = source;
        this.lifecycle = new AlertLifecycle(worker, source);
    }

    Signal signal() {
        return signal;
    }

    String source() {
        return source;
    }

    /** Returns the regime start, never before {@code warmupEndMillis}. */
    long regimeStartMillis(long warmupEndMillis) {
        regimeStartMillis = Math.max(regimeStartMillis, warmupEndMillis);
        return regimeStartMillis;
    }

    void startRegimeAt(long timeMillis) {
        regimeStartMillis = timeMillis;
    }

    /** Stores the verdict and returns the alert transition it causes, if any. */
    List<Alert> accept(Verdict next) {
        verdict = next;
        return lifecycle.onVerdict(next);
    }

    /** Resolves the open alert at once, for a reason outside the fits (a JVM restart). */
    List<Alert> resolveNow(long nowMillis, String reason) {
        Verdict flat = new Verdict(signal, source, dev.hench.collector.alert.Level.NONE,
                Finding.UNKNOWN, nowMillis, null, null, null, null, null, null, null, null,
                reason);
        verdict = flat;
        return lifecycle.resolve(flat);
    }

    Verdict verdict() {
        return verdict;
    }

    boolean alertActive() {
        return lifecycle.isActive();
    }
}
