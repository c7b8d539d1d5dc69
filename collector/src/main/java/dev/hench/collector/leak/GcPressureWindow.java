package dev.hench.collector.leak;

import dev.hench.collector.signal.Observation;

/**
 * Sliding window over the last GC events of one worker, to recognise a death spiral: most of
 * the wall time spent in GC pauses while the heap after GC stays near its maximum. When pause
 * times are missing, back-to-back old, mixed or full collections that all leave the heap near its
 * maximum count instead.
 *
 * <p>Holds at most {@link #CAPACITY} events; more events within the window than that are a
 * spiral by themselves. Not thread-safe.
 */
final class GcPressureWindow {

    static final int CAPACITY = 256;
    /** Old, mixed or full collections per window that, all near the max, are a spiral. */
    static final int SPIRAL_OLD_COLLECTIONS = 6;

    private final long windowMillis;
    private final long[] times = new long[CAPACITY];
    private final long[] pauses = new long[CAPACITY];
    private final double[] afterShares = new double[CAPACITY];
    private final boolean[] oldKinds = new boolean[CAPACITY];
    private int head;
    private int size;
    private long firstEventMillis = Long.MIN_VALUE;

    GcPressureWindow(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /** Adds one GC event; {@code heapMaxBytes} may be absent. */
    void add(Observation gc, long heapMaxBytes) {
        if (firstEventMillis == Long.MIN_VALUE) {
            firstEventMillis = gc.timeMillis();
        }
        int slot = (head + size) % CAPACITY;
        if (size == CAPACITY) {
            head = (head + 1) % CAPACITY;
        } else {
            size++;
        }
        times[slot] = gc.timeMillis();
        pauses[slot] = gc.gcPauseNanos();
        afterShares[slot] = Observation.isPresent(heapMaxBytes)
                ? (double) gc.heapAfterGcBytes() / heapMaxBytes : Double.NaN;
        oldKinds[slot] = gc.gcKind().reachesOldGeneration();
        evictBefore(gc.timeMillis() - windowMillis);
    }

    private void evictBefore(long oldestMillis) {
        while (size > 0 && times[head] < oldestMillis) {
            head = (head + 1) % CAPACITY;
            size--;
        }
    }

    /** Returns true once the events cover a whole window. */
    boolean coversWindow(long nowMillis) {
        return firstEventMillis != Long.MIN_VALUE && nowMillis - firstEventMillis >= windowMillis;
    }

    /** Returns the share of the window spent in pauses, or NaN when no event carried a pause. */
    double pauseShare() {
        long total = 0;
        boolean any = false;
        for (int i = 0; i < size; i++) {
            long pause = pauses[(head + i) % CAPACITY];
            if (Observation.isPresent(pause)) {
                total += pause;
                any = true;
            }
        }
        return any ? total / 1e6 / windowMillis : Double.NaN;
    }

    /** Returns the lowest heap-after-GC share of the max in the window, NaN without a max. */
    double lowestAfterShare() {
        double lowest = Double.NaN;
        for (int i = 0; i < size; i++) {
            double share = afterShares[(head + i) % CAPACITY];
            if (Double.isNaN(share)) {
                return Double.NaN;
            }
            lowest = Double.isNaN(lowest) ? share : Math.min(lowest, share);
        }
        return lowest;
    }

    int oldCollections() {
        int found = 0;
        for (int i = 0; i < size; i++) {
            if (oldKinds[(head + i) % CAPACITY]) {
                found++;
            }
        }
        return found;
    }

    int size() {
        return size;
    }

    long retainedBytes() {
        return 3 * ArraySizes.longs(CAPACITY) + ArraySizes.ints(CAPACITY / 4) + 48;
    }
}
