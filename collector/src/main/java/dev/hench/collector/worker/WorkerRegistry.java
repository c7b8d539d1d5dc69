package dev.hench.collector.worker;

import dev.hench.collector.leak.LeakDetector;
import dev.hench.collector.signal.WorkerKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All worker series this collector has seen, keyed by worker id and session. A series stays after
 * its last connection closes for {@link WorkerSettings#gracePeriod()}, so an agent that
 * reconnects continues it; then {@link #sweep(long)} forgets it and tells the leak detector.
 *
 * <p>Thread-safe.
 */
public final class WorkerRegistry {

    private static final Logger log = LoggerFactory.getLogger(WorkerRegistry.class);

    private final ConcurrentMap<WorkerKey, WorkerSeries> series = new ConcurrentHashMap<>();
    private final List<SeriesListener> listeners = new CopyOnWriteArrayList<>();
    private final WorkerSettings settings;
    private final LeakDetector detector;

    public WorkerRegistry(WorkerSettings settings, LeakDetector detector) {
        this.settings = settings;
        this.detector = detector;
    }

    public void addListener(SeriesListener listener) {
        listeners.add(listener);
    }

    /**
     * Marks the series of {@code identity} connected, creating it when the session is new.
     * Each call must be matched by one {@link #disconnected(WorkerSeries, long)}.
     */
    public WorkerSeries connected(WorkerIdentity identity) {
        boolean[] created = {false};
        // compute() makes connecting atomic with sweep(), so a series that reconnects is never
        // forgotten under its new connection.
        WorkerSeries current = series.compute(identity.key(), (key, existing) -> {
            WorkerSeries target = existing;
            if (target == null) {
                created[0] = true;
                target = new WorkerSeries(identity, settings.historyPoints());
            }
            target.connected(identity);
            return target;
        });
        if (created[0]) {
            log.info("worker series started worker={} session={} pid={}", identity.key().workerId(),
                    identity.key().sessionId(), identity.pid());
            listeners.forEach(listener -> listener.onSeriesStarted(current));
        }
        return current;
    }

    public void disconnected(WorkerSeries worker, long nowMillis) {
        worker.disconnected(nowMillis);
    }

    public Optional<WorkerSeries> find(WorkerKey key) {
        return Optional.ofNullable(series.get(key));
    }

    /** Returns a snapshot of all series, connected or within their grace period. */
    public Collection<WorkerSeries> all() {
        return new ArrayList<>(series.values());
    }

    /**
     * Forgets every series that has been disconnected for longer than the grace period.
     *
     * @return how many series were forgotten
     */
    public int sweep(long nowMillis) {
        long graceMillis = settings.gracePeriod().toMillis();
        List<WorkerSeries> expired = new ArrayList<>();
        for (WorkerKey key : series.keySet()) {
            series.computeIfPresent(key, (k, candidate) -> {
                long since = candidate.disconnectedAtMillis();
                if (since > 0 && nowMillis - since >= graceMillis) {
                    expired.add(candidate);
                    return null;
                }
                return candidate;
            });
        }
        expired.forEach(this::forget);
        return expired.size();
    }

    private void forget(WorkerSeries gone) {
        log.info("worker series forgotten after grace period worker={} session={}",
                gone.key().workerId(), gone.key().sessionId());
        detector.forget(gone.key());
        listeners.forEach(listener -> listener.onSeriesForgotten(gone));
    }
}
