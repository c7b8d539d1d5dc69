package dev.hench.collector.leak;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.util.List;

/**
 * Seam between ingest (live or replayed) and leak detection. Ingest feeds each worker series in
 * time order; the detector returns the alert transitions that an observation caused.
 *
 * <p>Calls for one {@link WorkerKey} come from one thread at a time; calls for different keys may
 * run concurrently.
 */
public interface LeakDetector {

    /** Feeds one observation; returns the transitions it caused, usually an empty list. */
    List<Alert> observe(WorkerKey worker, Observation observation);

    /** Drops all state of a series, for example when its grace period after disconnect ends. */
    void forget(WorkerKey worker);

    /**
     * Returns the current verdict of every signal the detector analyses for {@code worker}, or
     * an empty list when it keeps no verdicts (or none for that worker).
     */
    default List<Verdict> verdicts(WorkerKey worker) {
        return List.of();
    }
}
