package dev.hench.collector.leak;

import dev.hench.collector.alert.Level;
import dev.hench.collector.alert.Signal;
import dev.hench.collector.signal.Observation;
import java.time.Duration;

/**
 * Turns the points of a series' latest regime into a verdict: Theil-Sen slope with its interval,
 * Mann-Kendall test, size gates, a halves check, plateau detection, then severity from the
 * pessimistic time to limit. The evidence a leak verdict needs shrinks with that time to limit.
 *
 * <p>Not thread-safe: it reuses the fitter's scratch arrays.
 */
final class TrendJudge {

    /** Each half's slope must be at least this share of the whole slope (a single step fails). */
    static final double MIN_HALF_SLOPE_SHARE = 0.25;
    /** A second half slower than this share of the first half caps the verdict at information. */
    static final double DECELERATION_RATIO = 0.8;
    /**
     * Growth over the evidence span must be this many times the points' spread around the line,
     * so that a slope fitted to noise (small, but significant by chance) is not a leak.
     */
    static final double MIN_GROWTH_NOISE_RATIO = 3.0;
    /** A floor or plateau bound at this share of the limit or above is treated as a leak. */
    static final double NEAR_LIMIT_SHARE = 0.9;
    /** Halves are compared only from this many points on. */
    static final int MIN_POINTS_FOR_HALVES = 12;

    private final LeakSettings settings;
    private final TrendFitter fitter = new TrendFitter(LeakSettings.MAX_FIT_POINTS);
    private double firstHalfSlope;
    private double secondHalfSlope;

    TrendJudge(LeakSettings settings) {
        this.settings = settings;
    }

    /** Context of a series beyond its points: signal, source, limit and evidence rule. */
    record Series(Signal signal, String source, long limitBytes, boolean spanRequired,
            Duration fixedEvidence, String pointName) {
    }

    /**
     * Judges the points of the latest regime.
     *
     * @param nowMillis observation time of the judgement
     */
    Verdict judge(Series series, FitPoints points, long nowMillis) {
        int n = points.size();
        if (n < LeakSettings.MIN_POINTS) {
            return Verdict.insufficient(series.signal(), series.source(), nowMillis,
                    n + " of " + LeakSettings.MIN_POINTS + " " + series.pointName()
                            + " since warmup or the last change of trend");
        }
        TrendFit fit = fitter.fit(points.minutes(), points.values(), n);
        Duration span = Duration.ofMillis(points.timeMillis(n - 1) - points.timeMillis(0));
        Evidence evidence = new Evidence(series, fit, span, nowMillis);
        if (!isGrowing(fit, series.limitBytes(), span) || !halvesAgree(points, fit)) {
            return flatOrTooEarly(evidence);
        }
        return growing(evidence, points);
    }

    private boolean isGrowing(TrendFit fit, long limitBytes, Duration span) {
        double growth = fit.slopePerMinute() * span.toMillis() / 60_000.0;
        return fit.increasingTrend() && fit.slopeLowPerMinute() > slopeGatePerMinute(limitBytes)
                && growth >= MIN_GROWTH_NOISE_RATIO * fit.residualSigma();
    }

    /** Returns the smallest slope, in bytes per minute, that counts as growth. */
    double slopeGatePerMinute(long limitBytes) {
        double perHour = settings.minSlopeBytesPerHour();
        if (Observation.isPresent(limitBytes)) {
            perHour = Math.max(perHour, settings.minSlopeShareOfLimitPerHour() * limitBytes);
        }
        return perHour / 60.0;
    }

    private boolean halvesAgree(FitPoints points, TrendFit whole) {
        int n = points.size();
        if (n < MIN_POINTS_FOR_HALVES) {
            return true;
        }
        fitHalves(points);
        double needed = MIN_HALF_SLOPE_SHARE * whole.slopePerMinute();
        return firstHalfSlope >= needed && secondHalfSlope >= needed;
    }

    private void fitHalves(FitPoints points) {
        int n = points.size();
        int half = n / 2;
        firstHalfSlope = fitter.medianSlope(points.minutes(), points.values(), 0, half);
        secondHalfSlope = fitter.medianSlope(points.minutes(), points.values(), half, n);
    }

    private Verdict flatOrTooEarly(Evidence evidence) {
        Duration needed = evidence.series.fixedEvidence() != null
                ? evidence.series.fixedEvidence() : settings.maxEvidence();
        if (evidence.series.spanRequired() && evidence.span.compareTo(needed) < 0) {
            return Verdict.insufficient(evidence.series.signal(), evidence.series.source(),
                    evidence.nowMillis, String.format("no material growth over %s; %s needed "
                            + "to call it flat", Format.duration(evidence.span),
                            Format.duration(needed)));
        }
        return evidence.verdict(Level.NONE, Finding.FLAT, null, null,
                String.format("flat: %s/min (95%% %s..%s) over %s",
                        Format.mib(evidence.fit.slopePerMinute()),
                        Format.mib(evidence.fit.slopeLowPerMinute()),
                        Format.mib(evidence.fit.slopeHighPerMinute()),
                        Format.duration(evidence.span)));
    }

    private Verdict growing(Evidence evidence, FitPoints points) {
        TrendFit fit = evidence.fit;
        long limit = evidence.series.limitBytes();
        boolean hasLimit = Observation.isPresent(limit);
        double headroom = hasLimit ? limit - fit.levelAtEnd() : Double.NaN;
        Duration timeToLimit = hasLimit ? minutesToDuration(headroom / fit.slopeHighPerMinute())
                : null;
        Duration needed = evidenceNeeded(evidence.series, headroom, fit);
        if (evidence.series.spanRequired() && evidence.span.compareTo(needed) < 0) {
            return Verdict.insufficient(evidence.series.signal(), evidence.series.source(),
                    evidence.nowMillis, String.format("growing %s/min but %s of evidence; %s "
                            + "needed", Format.mib(fit.slopePerMinute()),
                            Format.duration(evidence.span), Format.duration(needed)));
        }
        Verdict plateau = plateauOrNull(evidence, points, timeToLimit);
        if (plateau != null) {
            return plateau;
        }
        return evidence.verdict(settings.severity(timeToLimit), Finding.GROWING, timeToLimit, null,
                timeToLimit == null ? "growing; no limit known"
                        : "limit reached in " + Format.duration(timeToLimit) + " at the upper "
                                + "slope bound");
    }

    /** Returns an information verdict when growth slows toward a bound, else null. */
    private Verdict plateauOrNull(Evidence evidence, FitPoints points, Duration timeToLimit) {
        TrendFit fit = evidence.fit;
        long limit = evidence.series.limitBytes();
        boolean hasLimit = Observation.isPresent(limit);
        // Growth that slows only because the floor reaches the limit is no plateau.
        if (hasLimit && fit.levelAtEnd() >= NEAR_LIMIT_SHARE * limit) {
            return null;
        }
        double bound = Plateau.projectedBound(points.values(), points.size());
        boolean belowLimit = !hasLimit || bound < NEAR_LIMIT_SHARE * limit;
        // A bound below the fitted floor contradicts the significant growth just found.
        boolean aheadOfFloor = bound > fit.levelAtEnd();
        if (!Double.isNaN(bound) && belowLimit && aheadOfFloor) {
            return evidence.verdict(Level.INFORMATION, Finding.PLATEAU, timeToLimit,
                    (long) bound, "growth slows toward about " + Format.mib(bound));
        }
        if (decelerates(points)) {
            return evidence.verdict(Level.INFORMATION, Finding.PLATEAU, timeToLimit, null,
                    "growth slows down; no bound projected yet");
        }
        return null;
    }

    private Duration evidenceNeeded(Series series, double headroom, TrendFit fit) {
        if (series.fixedEvidence() != null) {
            return series.fixedEvidence();
        }
        if (Double.isNaN(headroom) || fit.slopePerMinute() <= 0) {
            return settings.maxEvidence();
        }
        double minutes = headroom / fit.slopePerMinute() * settings.evidenceShareOfTimeToLimit();
        Duration scaled = minutesToDuration(minutes);
        if (scaled.compareTo(settings.minEvidence()) < 0) {
            return settings.minEvidence();
        }
        return scaled.compareTo(settings.maxEvidence()) > 0 ? settings.maxEvidence() : scaled;
    }

    private boolean decelerates(FitPoints points) {
        int n = points.size();
        if (n < MIN_POINTS_FOR_HALVES) {
            return false;
        }
        // The halves were fitted by halvesAgree for these same points.
        return firstHalfSlope > 0 && secondHalfSlope < DECELERATION_RATIO * firstHalfSlope;
    }

    private static Duration minutesToDuration(double minutes) {
        if (minutes <= 0) {
            return Duration.ZERO;
        }
        double capped = Math.min(minutes, 1e9);
        return Duration.ofMillis((long) (capped * 60_000));
    }

    /** A fit with its context, to build verdicts. */
    private static final class Evidence {
        final Series series;
        final TrendFit fit;
        final Duration span;
        final long nowMillis;

        Evidence(Series series, TrendFit fit, Duration span, long nowMillis) {
            this.series = series;
            this.fit = fit;
            this.span = span;
            this.nowMillis = nowMillis;
        }

        Verdict verdict(Level level, Finding finding, Duration timeToLimit, Long bound,
                String reason) {
            long limit = series.limitBytes();
            return new Verdict(series.signal(), series.source(), level, finding, nowMillis,
                    fit.slopePerMinute(), fit.slopeLowPerMinute(), fit.slopeHighPerMinute(),
                    (long) fit.levelAtEnd(), Observation.isPresent(limit) ? limit : null,
                    timeToLimit, span, bound, reason);
        }
    }
}
