package dev.hench.collector.leak;

/**
 * Fits a Theil-Sen slope with Sen's confidence interval and runs the Mann-Kendall test on the
 * same pairs. The cost is quadratic in the number of points, so callers bound it with
 * {@link #maxPoints()}; the scratch array is allocated once.
 *
 * <p>Not thread-safe: one instance per worker series (or per thread).
 */
public final class TrendFitter {

    /** Two-sided 95% normal quantile. */
    static final double Z_95 = 1.959964;
    /** Mann-Kendall score a leak verdict needs. */
    static final double Z_TREND = 3.0;

    private final int maxPoints;
    private final double[] pairSlopes;

    public TrendFitter(int maxPoints) {
        if (maxPoints < 3) {
            throw new IllegalArgumentException("maxPoints was " + maxPoints + " but must be at least 3");
        }
        this.maxPoints = maxPoints;
        this.pairSlopes = new double[maxPoints * (maxPoints - 1) / 2];
    }

    public int maxPoints() {
        return maxPoints;
    }

    /**
     * Fits {@code values} against {@code minutes}; both arrays hold at least {@code count} points
     * in increasing time order.
     *
     * @throws IllegalArgumentException when count is below 3 or above {@link #maxPoints()}
     */
    public TrendFit fit(double[] minutes, double[] values, int count) {
        if (count < 3 || count > maxPoints) {
            throw new IllegalArgumentException("count was " + count + " but must be in [3, "
                    + maxPoints + "]");
        }
        int pairs = 0;
        long kendallS = 0;

        for (int i = 0; i < count - 1; i++) {
            for (int j = i + 1; j < count; j++) {
                double dy = values[j] - values[i];
                kendallS += Double.compare(dy, 0.0);
                double dt = minutes[j] - minutes[i];
                if (dt > 0) {
                    pairSlopes[pairs++] = dy / dt;
                }
            }
        }
        if (pairs == 0) {
            return new TrendFit(count, 0, 0, 0, values[count - 1], 0, 0);
        }

        double varianceS = count * (count - 1.0) * (2.0 * count + 5.0) / 18.0;
        double z = kendallZ(kendallS, varianceS);
        double halfWidthRanks = Z_95 * Math.sqrt(varianceS);
        int lowRank = clamp((int) Math.floor((pairs - halfWidthRanks) / 2.0), 0, pairs - 1);
        int highRank = clamp((int) Math.ceil((pairs + halfWidthRanks) / 2.0), 0, pairs - 1);

        double slope = median(pairs);
        // After the median selection, ranks below pairs / 2 sit left of it and the rest right.
        double low = Selection.select(pairSlopes, 0, Math.max(pairs / 2, lowRank + 1), lowRank);
        double high = Selection.select(pairSlopes, Math.min(pairs / 2, highRank), pairs, highRank);
        double level = levelAtEnd(minutes, values, count, slope);
        double sigma = residualSigma(minutes, values, count, slope, level);
        return new TrendFit(count, slope, low, high, level, z, sigma);
    }

    /** Returns the Theil-Sen slope of the points in [from, to), without interval or test. */
    public double medianSlope(double[] minutes, double[] values, int from, int to) {
        int pairs = 0;
        for (int i = from; i < to - 1; i++) {
            for (int j = i + 1; j < to; j++) {
                double dt = minutes[j] - minutes[i];
                if (dt > 0) {
                    pairSlopes[pairs++] = (values[j] - values[i]) / dt;
                }
            }
        }
        return pairs == 0 ? 0 : median(pairs);
    }

    /** Returns the median and leaves the array partitioned around rank {@code pairs / 2}. */
    private double median(int pairs) {
        double upper = Selection.select(pairSlopes, pairs, pairs / 2);
        if (pairs % 2 == 1) {
            return upper;
        }
        return (Selection.select(pairSlopes, 0, pairs / 2, pairs / 2 - 1) + upper) / 2.0;
    }

    /** Median intercept, reusing the scratch array, evaluated at the last point's time. */
    private double levelAtEnd(double[] minutes, double[] values, int count, double slope) {
        double end = minutes[count - 1];
        for (int i = 0; i < count; i++) {
            pairSlopes[i] = values[i] + slope * (end - minutes[i]);
        }
        double upper = Selection.select(pairSlopes, count, count / 2);
        if (count % 2 == 1) {
            return upper;
        }
        return (Selection.select(pairSlopes, count, count / 2 - 1) + upper) / 2.0;
    }

    /** Returns 1.4826 times the median absolute residual, a robust standard deviation. */
    private double residualSigma(double[] minutes, double[] values, int count, double slope,
            double levelAtEnd) {
        double end = minutes[count - 1];
        for (int i = 0; i < count; i++) {
            double fitted = levelAtEnd - slope * (end - minutes[i]);
            pairSlopes[i] = Math.abs(values[i] - fitted);
        }
        return 1.4826 * Selection.select(pairSlopes, count, count / 2);
    }

    private static double kendallZ(long s, double variance) {
        if (s == 0) {
            return 0;
        }
        double continuity = s > 0 ? s - 1 : s + 1;
        return continuity / Math.sqrt(variance);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
