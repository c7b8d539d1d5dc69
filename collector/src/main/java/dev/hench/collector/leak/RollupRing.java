package dev.hench.collector.leak;

import java.util.Arrays;

/**
 * Fixed-size ring of time buckets, each with the minimum, maximum and mean of the values that
 * fell into it. A bucket is identified by {@code timeMillis / bucketMillis}; buckets older than
 * {@code capacity} buckets behind the newest are overwritten. Values are stored as floats, which
 * resolve a 4 GiB value to 256 bytes.
 */
final class RollupRing {

    private final long bucketMillis;
    private final int capacity;
    private final float[] min;
    private final float[] max;
    private final float[] mean;
    private final int[] count;
    private long newestBucket = Long.MIN_VALUE;

    RollupRing(long bucketMillis, int capacity) {
        this.bucketMillis = bucketMillis;
        this.capacity = capacity;
        this.min = new float[capacity];
        this.max = new float[capacity];
        this.mean = new float[capacity];
        this.count = new int[capacity];
    }

    long bucketMillis() {
        return bucketMillis;
    }

    /** Adds a value; times must not go backwards by more than the ring covers. */
    void add(long timeMillis, double value) {
        long bucket = Math.floorDiv(timeMillis, bucketMillis);
        if (newestBucket == Long.MIN_VALUE) {
            newestBucket = bucket;
        } else if (bucket > newestBucket) {
            clearAfterNewest(bucket);
            newestBucket = bucket;
        } else if (bucket <= newestBucket - capacity) {
            return;
        }
        int slot = slot(bucket);
        float v = (float) value;
        int n = ++count[slot];
        if (n == 1) {
            min[slot] = v;
            max[slot] = v;
            mean[slot] = v;
        } else {
            min[slot] = Math.min(min[slot], v);
            max[slot] = Math.max(max[slot], v);
            mean[slot] += (v - mean[slot]) / n;
        }
    }

    private void clearAfterNewest(long bucket) {
        long gap = bucket - newestBucket;
        if (gap >= capacity) {
            Arrays.fill(count, 0);
            return;
        }
        for (long b = newestBucket + 1; b <= bucket; b++) {
            count[slot(b)] = 0;
        }
    }

    /** Returns the start of the oldest bucket still held, or Long.MAX_VALUE when empty. */
    long oldestCoveredMillis() {
        if (newestBucket == Long.MIN_VALUE) {
            return Long.MAX_VALUE;
        }
        return (newestBucket - capacity + 1) * bucketMillis;
    }

    /**
     * Feeds the minimum of every non-empty bucket that starts at or after {@code fromMillis}, in
     * time order, with the bucket's middle as its time.
     */
    void forEachMinimum(long fromMillis, PointSink sink) {
        if (newestBucket == Long.MIN_VALUE) {
            return;
        }
        long first = Math.max(Math.floorDiv(fromMillis + bucketMillis - 1, bucketMillis),
                newestBucket - capacity + 1);
        for (long b = first; b <= newestBucket; b++) {
            int slot = slot(b);
            if (count[slot] > 0) {
                sink.accept(b * bucketMillis + bucketMillis / 2, min[slot]);
            }
        }
    }

    /** Returns min, max and mean of one bucket, or null when it holds nothing. */
    double[] bucketAt(long timeMillis) {
        long bucket = Math.floorDiv(timeMillis, bucketMillis);
        if (newestBucket == Long.MIN_VALUE || bucket > newestBucket
                || bucket <= newestBucket - capacity || count[slot(bucket)] == 0) {
            return null;
        }
        int slot = slot(bucket);
        return new double[] {min[slot], max[slot], mean[slot]};
    }

    long retainedBytes() {
        return 3L * ArraySizes.floats(capacity) + ArraySizes.ints(capacity) + 48;
    }

    private int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) capacity);
    }

    /** Receiver of (time, value) points. */
    interface PointSink {
        void accept(long timeMillis, double value);
    }
}
