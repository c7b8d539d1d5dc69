package dev.hench.collector.leak;

/**
 * Reusable buffer of at most {@link #capacity()} points for one fit: times in minutes since the
 * buffer's origin and values in the series unit (bytes). Not thread-safe.
 */
public final class FitPoints {

    private final double[] minutes;
    private final double[] values;
    private final long[] timesMillis;
    private int size;
    private long originMillis;

    public FitPoints(int capacity) {
        this.minutes = new double[capacity];
        this.values = new double[capacity];
        this.timesMillis = new long[capacity];
    }

    public int capacity() {
        return values.length;
    }

    void reset(long originMillis) {
        this.originMillis = originMillis;
        this.size = 0;
    }

    /** Appends a point; points beyond the capacity are dropped (callers group them first). */
    public void add(long timeMillis, double value) {
        if (size == values.length) {
            return;
        }
        timesMillis[size] = timeMillis;
        minutes[size] = (timeMillis - originMillis) / 60_000.0;
        values[size] = value;
        size++;
    }

    /** Drops the first {@code count} points, keeping the rest in order. */
    void dropFirst(int count) {
        System.arraycopy(minutes, count, minutes, 0, size - count);
        System.arraycopy(values, count, values, 0, size - count);
        System.arraycopy(timesMillis, count, timesMillis, 0, size - count);
        size -= count;
    }

    public int size() {
        return size;
    }

    double[] minutes() {
        return minutes;
    }

    double[] values() {
        return values;
    }

    public long timeMillis(int index) {
        return timesMillis[index];
    }

    public double value(int index) {
        return values[index];
    }

    long retainedBytes() {
        return 2 * ArraySizes.doubles(values.length) + ArraySizes.longs(values.length) + 32;
    }
}
