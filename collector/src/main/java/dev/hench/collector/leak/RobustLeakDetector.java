package dev.hench.collector.leak;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Leak detector that analyses the live heap, metaspace, native memory (and direct buffers within
 * it) and GC pressure of each worker separately, with robust statistics over the latest regime
 * after warmup. docs/leak-detection.md describes how it decides.
 *
 * <p>Thread-safe in the way {@link LeakDetector} requires: calls for different workers may run
 * concurrently, calls for one worker must not. Memory per worker is fixed (see
 * {@link #retainedBytesPerWorker()}); each fitting thread also keeps about 18 KiB of scratch arrays.
 */
public final class RobustLeakDetector implements LeakDetector {

    private final LeakSettings settings;
    private final ToLongFunction<WorkerKey> memoryLimitBytes;
    private final Map<WorkerKey, WorkerState> workers = new ConcurrentHashMap<>();
    private final ThreadLocal<FitScratch> scratch;

    /**
     * Creates a detector.
     *
     * @param settings thresholds, usually {@link LeakSettings#from}
     * @param memoryLimitBytes effective memory limit of a worker's process (cgroup limit, else
     *     host memory, see {@link HostMemory#totalBytes()}); a value of 0 or below, or
     *     Long.MAX_VALUE, means no limit. Called once per fit, so it should be cheap.
     */
    public RobustLeakDetector(LeakSettings settings, ToLongFunction<WorkerKey> memoryLimitBytes) {
        this.settings = settings;
        this.memoryLimitBytes = memoryLimitBytes;
        this.scratch = ThreadLocal.withInitial(() -> new FitScratch(settings));
    }

    @Override
    public List<Alert> observe(WorkerKey worker, Observation observation) {
        WorkerState state = workers.computeIfAbsent(worker, this::newState);
        List<Alert> restartAlerts = List.of();
        if (state.isRestart(observation)) {
            restartAlerts = state.resolveForRestart(observation.timeMillis());
            state = newState(worker);
            workers.put(worker, state);
        }
        List<Alert> alerts = state.observe(observation, scratch.get());
        if (restartAlerts.isEmpty()) {
            return alerts;
        }
        List<Alert> all = new ArrayList<>(restartAlerts);
        all.addAll(alerts);
        return all;
    }

    @Override
    public void forget(WorkerKey worker) {
        workers.remove(worker);
    }

    @Override
    public List<Verdict> verdicts(WorkerKey worker) {
        WorkerState state = workers.get(worker);
        return state == null ? List.of() : state.verdicts(0);
    }

    /** Estimated bytes of state per worker, computed from the sizes of its arrays. */
    public static long retainedBytesPerWorker() {
        return new WorkerState(new WorkerKey("estimate", "estimate"), LeakSettings.defaults(),
                key -> 0).retainedBytes();
    }

    private WorkerState newState(WorkerKey worker) {
        return new WorkerState(worker, settings, memoryLimitBytes);
    }
}
