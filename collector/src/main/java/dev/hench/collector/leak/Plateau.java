package dev.hench.collector.leak;

/**
 * Tests whether growth decelerates toward a bound, as a cache that fills up does, and projects
 * that bound. The series is cut into three parts of equal point count; with part means m1, m2,
 * m3 and steps d1 = m2 - m1, d2 = m3 - m2, growth that decays geometrically by r = d2 / d1 per
 * part adds d2 * r / (1 - r) more before it stops.
 */
public final class Plateau {

    /** Points needed; with fewer, a third's mean rests on too few values. */
    static final int MIN_POINTS = 12;
    /** The second step must be at most this share of the first one. */
    static final double MAX_STEP_RATIO = 0.6;
    /** The first step must exceed the part mean's noise by this factor. */
    static final double MIN_STEP_NOISE_RATIO = 3.0;

    private Plateau() {
    }

    /**
     * Returns the projected bound of a decelerating series, or NaN when the series does not
     * decelerate (linear growth, a flat series, too few points or steps lost in noise).
     */
    public static double projectedBound(double[] values, int count) {
        if (count < MIN_POINTS) {
            return Double.NaN;
        }
        int third = count / 3;
        double m1 = mean(values, 0, third);
        double m2 = mean(values, third, 2 * third);
        double m3 = mean(values, 2 * third, count);
        double d1 = m2 - m1;
        double d2 = m3 - m2;
        double noise = meanNoise(values, count, third);
        if (d1 <= MIN_STEP_NOISE_RATIO * noise || d2 > MAX_STEP_RATIO * d1) {
            return Double.NaN;
        }
        if (d2 <= 0) {
            return m3;
        }
        double ratio = d2 / d1;
        return m3 + d2 * ratio / (1 - ratio);
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    /** Standard error of a part mean, from first differences (robust to the trend itself). */
    private static double meanNoise(double[] values, int count, int partPoints) {
        double sumSquares = 0;
        for (int i = 1; i < count; i++) {
            double diff = values[i] - values[i - 1];
            sumSquares += diff * diff;
        }
        double sigma = Math.sqrt(sumSquares / (2.0 * (count - 1)));
        return sigma / Math.sqrt(partPoints);
    }
}
