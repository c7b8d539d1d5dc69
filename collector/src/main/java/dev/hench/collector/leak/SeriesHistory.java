package dev.hench.collector.leak;

import java.time.Duration;

/**
 * History of one signal in fixed memory: raw points for the last 15 minutes (at most 1,024 of
 * them), 1-minute min/max/mean buckets for 48 hours, 15-minute buckets for 30 days, and the exact
 * peak. {@link #floorPoints} reads a resolution that covers the requested span and reduces it to
 * a bounded number of points, so a fit costs the same after a week as after an hour.
 *
 * <p>Not thread-safe; owned by one worker's state.
 */
public final class SeriesHistory {

    static final Duration RAW_SPAN = Duration.ofMinutes(15);
    static final int RAW_CAPACITY = 1024;
    static final long MINUTE_MILLIS = 60_000;
    static final int MINUTE_BUCKETS = 48 * 60;
    static final long QUARTER_MILLIS = 15 * MINUTE_MILLIS;
    static final int QUARTER_BUCKETS = 30 * 24 * 4;

    private final long[] rawTimes = new long[RAW_CAPACITY];
    private final double[] rawValues = new double[RAW_CAPACITY];
    private int rawNext;
    private int rawSize;
    private final RollupRing minutes = new RollupRing(MINUTE_MILLIS, MINUTE_BUCKETS);
    private final RollupRing quarters = new RollupRing(QUARTER_MILLIS, QUARTER_BUCKETS);
    private double peakValue = Double.NaN;
    private long peakTimeMillis;
    private long newestTimeMillis = Long.MIN_VALUE;
    private long count;

    /** Adds a point; points arrive in time order. */
    public void add(long timeMillis, double value) {
        rawTimes[rawNext] = timeMillis;
        rawValues[rawNext] = value;
        rawNext = (rawNext + 1) % RAW_CAPACITY;
        rawSize = Math.min(rawSize + 1, RAW_CAPACITY);
        minutes.add(timeMillis, value);
        quarters.add(timeMillis, value);
        if (!(value <= peakValue)) {
            peakValue = value;
            peakTimeMillis = timeMillis;
        }
        newestTimeMillis = timeMillis;
        count++;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public long count() {
        return count;
    }

    public long newestTimeMillis() {
        return newestTimeMillis;
    }

    /** Returns the newest value, or NaN when empty. */
    public double newestValue() {
        return rawSize == 0 ? Double.NaN : rawValues[Math.floorMod(rawNext - 1, RAW_CAPACITY)];
    }

    /** Returns the highest value ever added, or NaN when empty. */
    public double peakValue() {
        return peakValue;
    }

    public long peakTimeMillis() {
        return peakTimeMillis;
    }

    /** Returns the 1-minute bucket (min, max, mean) that contains {@code timeMillis}, or null. */
    public double[] minuteBucket(long timeMillis) {
        return minutes.bucketAt(timeMillis);
    }

    /** Returns the 15-minute bucket (min, max, mean) that contains {@code timeMillis}, or null. */
    public double[] quarterBucket(long timeMillis) {
        return quarters.bucketAt(timeMillis);
    }

    /** Counts the raw points at or after {@code fromMillis}, up to the raw ring's size. */
    public int rawCountSince(long fromMillis) {
        int found = 0;
        for (int i = 1; i <= rawSize; i++) {
            if (rawTimes[Math.floorMod(rawNext - i, RAW_CAPACITY)] < fromMillis) {
                break;
            }
            found++;
        }
        return found;
    }

    /**
     * Writes the floor of the series since {@code fromMillis} into {@code points}: raw points
     * when the raw ring still covers that time, else 1-minute or 15-minute bucket minima, grouped
     * by time into at most {@code points.capacity()} points, each the minimum of its group.
     */
    public void floorPoints(long fromMillis, FitPoints points) {
        floorPoints(fromMillis, points, 1);
    }

    /** Like {@link #floorPoints(long, FitPoints)}, with groups at least {@code minGroupMillis}. */
    public void floorPoints(long fromMillis, FitPoints points, long minGroupMillis) {
        points.reset(fromMillis);
        if (count == 0 || fromMillis > newestTimeMillis) {
            return;
        }
        long span = Math.max(1, newestTimeMillis - fromMillis + 1);
        long groupMillis = Math.max(minGroupMillis,
                (span + points.capacity() - 1) / points.capacity());
        GroupingSink sink = new GroupingSink(points, fromMillis, groupMillis);
        // The coarsest resolution that still gives every group its own bucket keeps reads bounded.
        if (rawCovers(fromMillis)) {
            feedRaw(fromMillis, sink);
        } else if (minutes.oldestCoveredMillis() <= fromMillis && groupMillis < QUARTER_MILLIS) {
            minutes.forEachMinimum(fromMillis, sink);
        } else {
            quarters.forEachMinimum(fromMillis, sink);
        }
        sink.flush();
    }

    private boolean rawCovers(long fromMillis) {
        if (rawSize == 0) {
            return false;
        }
        long oldest = rawTimes[Math.floorMod(rawNext - rawSize, RAW_CAPACITY)];
        boolean complete = rawSize < RAW_CAPACITY || oldest <= fromMillis;
        return complete && newestTimeMillis - fromMillis <= RAW_SPAN.toMillis();
    }

    private void feedRaw(long fromMillis, RollupRing.PointSink sink) {
        int start = rawSize - rawCountSince(fromMillis);
        for (int i = start; i < rawSize; i++) {
            int slot = Math.floorMod(rawNext - rawSize + i, RAW_CAPACITY);
            sink.accept(rawTimes[slot], rawValues[slot]);
        }
    }

    /** Estimated bytes retained by this history (arrays and object headers). */
    public long retainedBytes() {
        return ArraySizes.longs(RAW_CAPACITY) + ArraySizes.doubles(RAW_CAPACITY)
                + minutes.retainedBytes() + quarters.retainedBytes() + 64;
    }

    /** Reduces time-ordered points to one minimum per time group. */
    private static final class GroupingSink implements RollupRing.PointSink {
        private final FitPoints points;
        private final long fromMillis;
        private final long groupMillis;
        private long group = -1;
        private long minTime;
        private double minValue;

        GroupingSink(FitPoints points, long fromMillis, long groupMillis) {
            this.points = points;
            this.fromMillis = fromMillis;
            this.groupMillis = groupMillis;
        }

        @Override
        public void accept(long timeMillis, double value) {
            if (timeMillis < fromMillis) {
                return;
            }
            long g = (timeMillis - fromMillis) / groupMillis;
            if (g != group) {
                flush();
                group = g;
                minTime = timeMillis;
                minValue = value;
            } else if (value < minValue) {
                minValue = value;
                minTime = timeMillis;
            }
        }

        void flush() {
            if (group >= 0) {
                points.add(minTime, minValue);
                group = -1;
            }
        }
    }
}
