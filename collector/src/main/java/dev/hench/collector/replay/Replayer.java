package dev.hench.collector.replay;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.leak.LeakDetector;
import dev.hench.collector.signal.Observation;
import java.util.ArrayList;
import java.util.List;

/** Feeds traces through a detector as fast as the CPU allows and collects what it reports. */
public final class Replayer {

    private Replayer() {
    }

    /**
     * Replays every series of {@code trace} through {@code detector} in order, then reads each
     * series' verdicts and drops its state with {@link LeakDetector#forget}.
     */
    public static ReplayResult replay(Trace trace, LeakDetector detector, ReplayLimits limits) {
        List<ReplayResult.SeriesResult> results = new ArrayList<>();
        long started = System.nanoTime();
        for (TraceSeries series : trace.series()) {
            List<Alert> alerts = new ArrayList<>();
            for (Observation observation : series.observations()) {
                alerts.addAll(detector.observe(series.worker(), limits.fill(observation)));
            }
            List<Observation> observations = series.observations();
            long first = observations.isEmpty() ? 0 : observations.get(0).timeMillis();
            long last = observations.isEmpty() ? 0
                    : observations.get(observations.size() - 1).timeMillis();
            results.add(new ReplayResult.SeriesResult(series.worker(), first, last, alerts,
                    detector.verdicts(series.worker())));
            detector.forget(series.worker());
        }
        long elapsed = System.nanoTime() - started;
        return new ReplayResult(trace.name(), results, trace.observationCount(), elapsed,
                trace.warnings());
    }
}
