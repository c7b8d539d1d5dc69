package dev.hench.collector.leak;

import dev.hench.collector.signal.Observation;

/**
 * Follows a worker's phases and runs, and records the heap floor at each cycle boundary: the
 * lowest heap after GC (old, mixed or full values when the segment had any, else young values)
 * in the last phase segment before a new run starts. A new run is a changed run id, or, for a
 * worker that marks phases but no runs, the return of the first phase it ever marked. A segment
 * lasts from the start of a phase until the next phase starts: the time after a phase ends with no
 * phase open still belongs to it, because the agent reports phase ends and run boundaries moments
 * apart and GC events reach the collector about a second late. Growth inside a phase that its end
 * releases never reaches these boundary values; retained growth does, once per cycle.
 *
 * <p>Only observations that are samples (or carry a phase or run) move the phase state, because
 * GC events from the wire carry no phase. Not thread-safe.
 */
final class CycleTracker {

    static final int CAPACITY = 256;

    private final long[] boundaryTimes = new long[CAPACITY];
    private final double[] boundaryFloors = new double[CAPACITY];
    private int next;
    private int size;
    private boolean phasesSeen;
    private String currentRun;
    /** The latest phase that was open; stays set after that phase ends. */
    private String lastPhase;
    private String firstPhase;
    private double segmentOldMin = Double.NaN;
    private double segmentYoungMin = Double.NaN;

    /**
     * Updates the phase state and the floor of the current segment.
     *
     * @param recordBoundaries false during warmup, whose boundaries would look like growth
     */
    void observe(Observation observation, boolean recordBoundaries) {
        if (observation.isGcEvent()) {
            trackFloor(observation);
        }
        boolean carriesPhase = !observation.isGcEvent() || observation.phase() != null
                || observation.runId() != null;
        if (carriesPhase) {
            trackPhase(observation, recordBoundaries);
        }
    }

    private void trackFloor(Observation gc) {
        double after = gc.heapAfterGcBytes();
        if (gc.gcKind().reachesOldGeneration()) {
            segmentOldMin = Double.isNaN(segmentOldMin) ? after : Math.min(segmentOldMin, after);
        } else {
            segmentYoungMin = Double.isNaN(segmentYoungMin) ? after
                    : Math.min(segmentYoungMin, after);
        }
    }

    private void trackPhase(Observation observation, boolean recordBoundaries) {
        String run = observation.runId();
        String phase = observation.phase();
        if (run != null || phase != null) {
            phasesSeen = true;
        }
        if (firstPhase == null && phase != null) {
            firstPhase = phase;
        }
        boolean newRun = run != null && currentRun != null && !run.equals(currentRun);
        boolean cycleRestarts = run == null && currentRun == null && phase != null
                && lastPhase != null && !phase.equals(lastPhase) && phase.equals(firstPhase);
        if (newRun || cycleRestarts) {
            closeCycle(observation.timeMillis(), recordBoundaries);
        } else if (phase != null && !phase.equals(lastPhase)) {
            resetSegment();
        }
        if (run != null) {
            currentRun = run;
        }
        if (phase != null) {
            lastPhase = phase;
        }
    }

    private void closeCycle(long timeMillis, boolean record) {
        double floor = Double.isNaN(segmentOldMin) ? segmentYoungMin : segmentOldMin;
        if (record && !Double.isNaN(floor)) {
            boundaryTimes[next] = timeMillis;
            boundaryFloors[next] = floor;
            next = (next + 1) % CAPACITY;
            size = Math.min(size + 1, CAPACITY);
        }
        resetSegment();
    }

    private void resetSegment() {
        segmentOldMin = Double.NaN;
        segmentYoungMin = Double.NaN;
    }

    /** Returns true once the worker marked any phase or run. */
    boolean phasesSeen() {
        return phasesSeen;
    }

    int boundaries() {
        return size;
    }

    /** Writes the newest boundary floors, oldest first, at most the buffer's capacity. */
    void boundaryPoints(FitPoints points) {
        int count = Math.min(size, points.capacity());
        int first = Math.floorMod(next - count, CAPACITY);
        points.reset(boundaryTimes[first]);
        for (int i = 0; i < count; i++) {
            int slot = (first + i) % CAPACITY;
            points.add(boundaryTimes[slot], boundaryFloors[slot]);
        }
    }

    long retainedBytes() {
        return ArraySizes.longs(CAPACITY) + ArraySizes.doubles(CAPACITY) + 64;
    }
}
