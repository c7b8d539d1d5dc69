package dev.hench.collector.signal;

/**
 * One point of a worker's memory series: a periodic sample, a GC event, or both. It is the one
 * input type of the leak detector, whether the point arrived live from an agent or from a
 * recorded trace.
 *
 * <p>Every {@code long} field may be {@link #ABSENT}, meaning the JVM could not provide the
 * value. Callers must test with {@link #isPresent(long)} before doing arithmetic; an absent value
 * is never 0 or -1. Byte counts are bytes, times are milliseconds since the epoch (live) or since
 * the trace start (replay); a series only needs them to be monotonic.
 *
 * @param timeMillis when the point was taken
 * @param heapUsedBytes heap in use at poll time (includes garbage)
 * @param heapCommittedBytes heap committed by the JVM
 * @param heapMaxBytes the heap's maximum size; absent when the JVM reports no maximum
 * @param heapAfterGcBytes heap in use right after the collection in {@code gcKind}
 * @param gcKind kind of the collection that produced {@code heapAfterGcBytes}, or null
 * @param gcPauseNanos total pause time of that collection
 * @param rssBytes resident set size of the process
 * @param metaspaceBytes metaspace in use
 * @param metaspaceMaxBytes metaspace limit (MaxMetaspaceSize); absent when unlimited
 * @param codeCacheBytes code cache in use
 * @param directBytes direct byte buffers in use
 * @param mappedBytes mapped byte buffers in use
 * @param compiledMethods JIT compilations so far (cumulative)
 * @param loadedClasses classes loaded so far (cumulative)
 * @param phase the worker phase in force at this point (for example "load"), or null
 * @param runId the run the worker was executing at this point, or null
 */
public record Observation(
        long timeMillis,
        long heapUsedBytes,
        long heapCommittedBytes,
        long heapMaxBytes,
        long heapAfterGcBytes,
        GcKind gcKind,
        long gcPauseNanos,
        long rssBytes,
        long metaspaceBytes,
        long metaspaceMaxBytes,
        long codeCacheBytes,
        long directBytes,
        long mappedBytes,
        long compiledMethods,
        long loadedClasses,
        String phase,
        String runId) {

    /** Marker for a value the JVM could not provide. Never use it in arithmetic. */
    public static final long ABSENT = Long.MIN_VALUE;

    public static boolean isPresent(long value) {
        return value != ABSENT;
    }

    public boolean isGcEvent() {
        return gcKind != null && isPresent(heapAfterGcBytes);
    }

    public static Builder at(long timeMillis) {
        return new Builder(timeMillis);
    }

    /** Builder whose fields all start {@link #ABSENT} (or null), so only known values are set. */
    public static final class Builder {
        private final long timeMillis;
        private long heapUsedBytes = ABSENT;
        private long heapCommittedBytes = ABSENT;
        private long heapMaxBytes = ABSENT;
        private long heapAfterGcBytes = ABSENT;
        private GcKind gcKind;
        private long gcPauseNanos = ABSENT;
        private long rssBytes = ABSENT;
        private long metaspaceBytes = ABSENT;
        private long metaspaceMaxBytes = ABSENT;
        private long codeCacheBytes = ABSENT;
        private long directBytes = ABSENT;
        private long mappedBytes = ABSENT;
        private long compiledMethods = ABSENT;
        private long loadedClasses = ABSENT;
        private String phase;
        private String runId;

        private Builder(long timeMillis) {
            this.timeMillis = timeMillis;
        }

        public Builder heap(long usedBytes, long committedBytes, long maxBytes) {
            this.heapUsedBytes = usedBytes;
            this.heapCommittedBytes = committedBytes;
            this.heapMaxBytes = maxBytes;
            return this;
        }

        public Builder gc(GcKind kind, long heapAfterBytes, long pauseNanos) {
            this.gcKind = kind;
            this.heapAfterGcBytes = heapAfterBytes;
            this.gcPauseNanos = pauseNanos;
            return this;
        }

        public Builder rssBytes(long value) {
            this.rssBytes = value;
            return this;
        }

        public Builder metaspace(long usedBytes, long maxBytes) {
            this.metaspaceBytes = usedBytes;
            this.metaspaceMaxBytes = maxBytes;
            return this;
        }

        public Builder codeCacheBytes(long value) {
            this.codeCacheBytes = value;
            return this;
        }

        public Builder bufferPools(long directBytes, long mappedBytes) {
            this.directBytes = directBytes;
            this.mappedBytes = mappedBytes;
            return this;
        }

        public Builder counters(long compiledMethods, long loadedClasses) {
            this.compiledMethods = compiledMethods;
            this.loadedClasses = loadedClasses;
            return this;
        }

        public Builder phase(String phase) {
            this.phase = phase;
            return this;
        }

        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        public Observation build() {
            return new Observation(timeMillis, heapUsedBytes, heapCommittedBytes, heapMaxBytes,
                    heapAfterGcBytes, gcKind, gcPauseNanos, rssBytes, metaspaceBytes,
                    metaspaceMaxBytes, codeCacheBytes, directBytes, mappedBytes, compiledMethods,
                    loadedClasses, phase, runId);
        }
    }
}
