package dev.hench.collector.leak;

/**
 * Scratch buffers of one fitting thread: the fit points, the change-point sums and the judge's
 * pairwise slopes (about 18 KiB together). Shared by every worker that the thread serves, so
 * they do not count toward the memory per worker.
 */
final class FitScratch {

    final FitPoints points = new FitPoints(LeakSettings.MAX_FIT_POINTS);
    final ChangePointFinder changePoints;
    final TrendJudge judge;

    FitScratch(LeakSettings settings) {
        this.changePoints = new ChangePointFinder(LeakSettings.MAX_FIT_POINTS,
                LeakSettings.MIN_POINTS);
        this.judge = new TrendJudge(settings);
    }
}
