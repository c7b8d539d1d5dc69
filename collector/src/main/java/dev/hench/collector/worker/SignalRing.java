package dev.hench.collector.worker;

/**
 * Fixed-capacity history of one signal: (time, value) pairs, oldest overwritten first.
 *
 * <p>Not thread-safe; {@link WorkerSeries} guards its rings.
 */
final class SignalRing {

    private final long[] timesMillis;
    private final long[] values;
    private int next;
    private int size;

    SignalRing(int capacity) {
        timesMillis = new long[capacity];
        values = new long[capacity];
    }

    void add(long timeMillis, long value) {
        timesMillis[next] = timeMillis;
        values[next] = value;
        next = (next + 1) % values.length;
        if (size < values.length) {
            size++;
        }
    }

    int size() {
        return size;
    }

    /** Returns the points oldest first, as {@code [times, values]}. */
    long[][] snapshot() {
        long[] times = new long[size];
        long[] copy = new long[size];
        int oldest = (next - size + values.length) % values.length;
        for (int i = 0; i < size; i++) {
            int index = (oldest + i) % values.length;
            times[i] = timesMillis[index];
            copy[i] = values[index];
        }
        return new long[][] {times, copy};
    }

    /** Returns the smallest value at or after {@code sinceMillis}, or {@code fallback} when none. */
    long minSince(long sinceMillis, long fallback) {
        long min = fallback;
        boolean found = false;
        for (int i = 0; i < size; i++) {
            int index = (next - 1 - i + values.length) % values.length;
            if (timesMillis[index] < sinceMillis) {
                break;
            }
            if (!found || values[index] < min) {
                min = values[index];
                found = true;
            }
        }
        return min;
    }
}
