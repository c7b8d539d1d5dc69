package dev.hench.collector.leak;

/**
 * Finds where a series changes slope. The candidate is the split that minimises the summed
 * squared residuals of two separate straight lines. It is accepted only when it explains much
 * more than one line (F statistic) and the two slopes differ by a material amount. A level shift
 * with an unchanged slope is not a change point here, so a staircase leak keeps one regime.
 *
 * <p>Linear in the number of points (prefix sums). Not thread-safe: the prefix arrays are reused.
 */
public final class ChangePointFinder {

    /** F statistic (2 and n-4 degrees of freedom) a split needs; far beyond the 0.1% level. */
    static final double MIN_F = 20.0;
    /** Slopes on the two sides must differ by at least this share of the larger one. */
    static final double MIN_RELATIVE_SLOPE_CHANGE = 0.5;

    private final int minSegmentPoints;
    private final double[] sumT;
    private final double[] sumY;
    private final double[] sumTT;
    private final double[] sumTY;
    private final double[] sumYY;

    public ChangePointFinder(int maxPoints, int minSegmentPoints) {
        this.minSegmentPoints = minSegmentPoints;
        this.sumT = new double[maxPoints + 1];
        this.sumY = new double[maxPoints + 1];
        this.sumTT = new double[maxPoints + 1];
        this.sumTY = new double[maxPoints + 1];
        this.sumYY = new double[maxPoints + 1];
    }

    /**
     * Returns the index of the first point of the latest regime, or 0 when the series has one
     * regime.
     *
     * @param minSlopeChangePerMinute smallest slope change (series unit per minute) that counts
     */
    public int latestRegimeStart(double[] minutes, double[] values, int count,
            double minSlopeChangePerMinute) {
        if (count < 2 * minSegmentPoints || count < 8) {
            return 0;
        }
        fillPrefixSums(minutes, values, count);
        double whole = residual(0, count);
        int bestSplit = 0;
        double bestResidual = Double.MAX_VALUE;
        for (int split = minSegmentPoints; split <= count - minSegmentPoints; split++) {
            double residual = residual(0, split) + residual(split, count);
            if (residual < bestResidual) {
                bestResidual = residual;
                bestSplit = split;
            }
        }
        if (bestSplit == 0 || !splitExplainsMore(whole, bestResidual, count)) {
            return 0;
        }
        double left = slope(0, bestSplit);
        double right = slope(bestSplit, count);
        double change = Math.abs(right - left);
        double larger = Math.max(Math.abs(left), Math.abs(right));
        boolean material = change >= minSlopeChangePerMinute
                && change >= MIN_RELATIVE_SLOPE_CHANGE * larger;
        return material ? bestSplit : 0;
    }

    private static boolean splitExplainsMore(double whole, double split, int count) {
        double gained = Math.max(0, whole - split);
        if (gained <= 0) {
            return false;
        }
        // A noiseless split (synthetic data) leaves no residual: the split is certain.
        double noise = Math.max(split, whole * 1e-12) / (count - 4);
        return gained / 2.0 / noise >= MIN_F;
    }

    private void fillPrefixSums(double[] minutes, double[] values, int count) {
        double origin = minutes[0];
        for (int i = 0; i < count; i++) {
            double t = minutes[i] - origin;
            double y = values[i];
            sumT[i + 1] = sumT[i] + t;
            sumY[i + 1] = sumY[i] + y;
            sumTT[i + 1] = sumTT[i] + t * t;
            sumTY[i + 1] = sumTY[i] + t * y;
            sumYY[i + 1] = sumYY[i] + y * y;
        }
    }

    private double residual(int from, int to) {
        double[] m = centredMoments(from, to);
        if (m[0] <= 0) {
            return Math.max(0, m[2]);
        }
        return Math.max(0, m[2] - m[1] * m[1] / m[0]);
    }

    private double slope(int from, int to) {
        double[] m = centredMoments(from, to);
        return m[0] <= 0 ? 0 : m[1] / m[0];
    }

    /** Returns {Stt, Sty, Syy}: centred sums of squares and products of points [from, to). */
    private double[] centredMoments(int from, int to) {
        int n = to - from;
        double st = sumT[to] - sumT[from];
        double sy = sumY[to] - sumY[from];
        return new double[] {sumTT[to] - sumTT[from] - st * st / n,
            sumTY[to] - sumTY[from] - st * sy / n, sumYY[to] - sumYY[from] - sy * sy / n};
    }
}
