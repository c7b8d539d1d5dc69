package dev.hench.collector.replay;

import dev.hench.collector.signal.Observation;

/**
 * Limits to assume when a trace has none: heap max and metaspace max fill observations that
 * lack them; the memory limit is the effective limit for RSS. Each is {@link Observation#ABSENT}
 * when not given.
 */
public record ReplayLimits(long heapMaxBytes, long memoryLimitBytes, long metaspaceMaxBytes) {

    public static ReplayLimits none() {
        return new ReplayLimits(Observation.ABSENT, Observation.ABSENT, Observation.ABSENT);
    }

    /** Returns {@code observation} with the missing heap and metaspace maxima filled in. */
    Observation fill(Observation observation) {
        boolean heapMissing = !Observation.isPresent(observation.heapMaxBytes())
                && Observation.isPresent(heapMaxBytes);
        boolean metaspaceMissing = !Observation.isPresent(observation.metaspaceMaxBytes())
                && Observation.isPresent(metaspaceMaxBytes);
        if (!heapMissing && !metaspaceMissing) {
            return observation;
        }
        Observation o = observation;
        return new Observation(o.timeMillis(), o.heapUsedBytes(), o.heapCommittedBytes(),
                heapMissing ? heapMaxBytes : o.heapMaxBytes(), o.heapAfterGcBytes(), o.gcKind(),
                o.gcPauseNanos(), o.rssBytes(), o.metaspaceBytes(),
                metaspaceMissing ? metaspaceMaxBytes : o.metaspaceMaxBytes(), o.codeCacheBytes(),
                o.directBytes(), o.mappedBytes(), o.compiledMethods(), o.loadedClasses(),
                o.phase(), o.runId());
    }
}
