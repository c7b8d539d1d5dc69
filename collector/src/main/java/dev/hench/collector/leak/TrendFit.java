package dev.hench.collector.leak;

/**
 * Result of a Theil-Sen fit with a Mann-Kendall trend test over one series of points.
 *
 * @param points number of points fitted
 * @param slopePerMinute median of the pairwise slopes, in the series unit per minute
 * @param slopeLowPerMinute lower bound of the slope's confidence interval
 * @param slopeHighPerMinute upper bound of the slope's confidence interval
 * @param levelAtEnd fitted value at the last point's time (median-based intercept)
 * @param mannKendallZ normal score of the Mann-Kendall statistic; above 1.96 means an increasing
 *     trend at the 5% level (two-sided), below -1.96 a decreasing one
 * @param residualSigma robust spread of the points around the fitted line (1.4826 times the
 *     median absolute residual), in the series unit
 */
public record TrendFit(
        int points,
        double slopePerMinute,
        double slopeLowPerMinute,
        double slopeHighPerMinute,
        double levelAtEnd,
        double mannKendallZ,
        double residualSigma) {

    /**
     * Returns true when the Mann-Kendall test finds an increasing trend with z above 3 (one-sided
     * p below 0.0014). The strict level keeps the false alarm rate low even though a series is
     * tested again at every refit.
     */
    public boolean increasingTrend() {
        return mannKendallZ > TrendFitter.Z_TREND;
    }
}
