package dev.hench.collector.leak;

import dev.hench.collector.signal.Observation;

/**
 * The latest limits and totals that a worker reported (heap max, metaspace max, RSS, native and
 * direct bytes), and the cumulative counters that reveal a restarted JVM. Not thread-safe.
 */
final class ObservedLimits {

    private long heapMaxBytes = Observation.ABSENT;
    private long metaspaceMaxBytes = Observation.ABSENT;
    private long rssBytes = Observation.ABSENT;
    private long nativeOtherBytes = Observation.ABSENT;
    private long compiledMethods = Observation.ABSENT;
    private long loadedClasses = Observation.ABSENT;
    private Observation lastSample;

    void observe(Observation observation) {
        heapMaxBytes = latest(heapMaxBytes, observation.heapMaxBytes());
        metaspaceMaxBytes = latest(metaspaceMaxBytes, observation.metaspaceMaxBytes());
        compiledMethods = latest(compiledMethods, observation.compiledMethods());
        loadedClasses = latest(loadedClasses, observation.loadedClasses());
        if (Observation.isPresent(observation.rssBytes())) {
            rssBytes = observation.rssBytes();
            nativeOtherBytes = NativeMemory.otherBytes(observation);
        }
        if (Observation.isPresent(observation.rssBytes())
                || Observation.isPresent(observation.heapUsedBytes())) {
            lastSample = observation;
        }
    }

    /**
     * Returns true when a cumulative counter (JIT compilations, loaded classes) fell: only a new
     * JVM does that. Time is no sign of a restart, because GC events from JFR can arrive after a
     * sample taken later.
     */
    boolean isRestart(Observation observation) {
        return fell(compiledMethods, observation.compiledMethods())
                || fell(loadedClasses, observation.loadedClasses());
    }

    private static boolean fell(long before, long now) {
        return Observation.isPresent(before) && Observation.isPresent(now) && now < before;
    }

    private static long latest(long current, long candidate) {
        return Observation.isPresent(candidate) ? candidate : current;
    }

    long heapMaxBytes() {
        return heapMaxBytes;
    }

    long metaspaceMaxBytes() {
        return metaspaceMaxBytes;
    }

    long nativeOtherBytes() {
        return nativeOtherBytes;
    }

    /** Names the parts of the native formula that the latest sample lacked. */
    String missingNativeParts() {
        return lastSample == null ? "all of them (no sample yet)"
                : NativeMemory.missingParts(lastSample);
    }

    /**
     * Returns how far one part of RSS can grow before RSS reaches {@code memoryLimitBytes}, with
     * the rest of RSS where it is now; ABSENT without a limit or an RSS value.
     */
    long roomBesides(long memoryLimitBytes, long partBytes) {
        if (!Observation.isPresent(memoryLimitBytes) || !Observation.isPresent(rssBytes)
                || !Observation.isPresent(partBytes)) {
            return memoryLimitBytes;
        }
        return memoryLimitBytes - (rssBytes - partBytes);
    }
}
