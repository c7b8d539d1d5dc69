package dev.hench.collector.replay;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.leak.Verdict;
import dev.hench.collector.signal.WorkerKey;
import java.util.List;

/**
 * What replaying one trace through one detector produced.
 *
 * @param trace the trace's name
 * @param series per worker series: alerts in order and the verdicts at its end
 * @param observations observations fed
 * @param elapsedNanos wall time of feeding them, reading excluded
 * @param warnings warnings from reading the trace
 */
public record ReplayResult(String trace, List<SeriesResult> series, int observations,
        long elapsedNanos, List<String> warnings) {

    /** Result of one worker series. Times are observation times in milliseconds. */
    public record SeriesResult(WorkerKey worker, long firstMillis, long lastMillis,
            List<Alert> alerts, List<Verdict> verdicts) {
    }
}
