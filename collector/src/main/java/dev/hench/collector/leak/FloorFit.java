package dev.hench.collector.leak;

/**
 * The newest heap floor points of one series, with a least-squares line and Kendall's tau over
 * them. Times are milliseconds, floors bytes.
 *
 * <p>Not thread-safe.
 */
final class FloorFit {

    private final long[] timesMillis;
    private final long[] floorsBytes;
    private int next;
    private int size;

    FloorFit(int capacity) {
        timesMillis = new long[capacity];
        floorsBytes = new long[capacity];
    }

    void add(long timeMillis, long floorBytes) {
        timesMillis[next] = timeMillis;
        floorsBytes[next] = floorBytes;
        next = (next + 1) % timesMillis.length;
        size = Math.min(size + 1, timesMillis.length);
    }

    int size() {
        return size;
    }

    long spanMillis() {
        return size == 0 ? 0 : timeAt(size - 1) - timeAt(0);
    }

    /** Fits the points, oldest to newest; needs at least two points. */
    Fit fit() {
        long origin = timeAt(0);
        double meanTime = 0;
        double meanFloor = 0;
        for (int i = 0; i < size; i++) {
            meanTime += timeAt(i) - origin;
            meanFloor += floorAt(i);
        }
        meanTime /= size;
        meanFloor /= size;
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < size; i++) {
            double dt = timeAt(i) - origin - meanTime;
            covariance += dt * (floorAt(i) - meanFloor);
            variance += dt * dt;
        }
        double slope = variance == 0 ? 0 : covariance / variance;
        double fittedLast = meanFloor + slope * (timeAt(size - 1) - origin - meanTime);
        return new Fit(slope, fittedLast, slope * spanMillis(), kendallTau());
    }

    // Quadratic in the point count, which the settings cap (60 by default), and run once a window.
    private double kendallTau() {
        long score = 0;
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                score += Long.signum(floorAt(j) - floorAt(i));
            }
        }
        long pairs = (long) size * (size - 1) / 2;
        return pairs == 0 ? 0 : (double) score / pairs;
    }

    private long timeAt(int indexFromOldest) {
        return timesMillis[physical(indexFromOldest)];
    }

    private long floorAt(int indexFromOldest) {
        return floorsBytes[physical(indexFromOldest)];
    }

    private int physical(int indexFromOldest) {
        return (next - size + indexFromOldest + timesMillis.length) % timesMillis.length;
    }
}
