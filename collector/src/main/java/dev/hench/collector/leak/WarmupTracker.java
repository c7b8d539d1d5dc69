package dev.hench.collector.leak;

import dev.hench.collector.signal.Observation;

/**
 * Decides when a JVM's warmup ends from its own counters: warmup is over at the end of the first
 * 30-second window in which both the JIT compilation rate and the class-loading rate have fallen
 * to a tenth of their peak (or below a small absolute rate). Points before that are left out of
 * every fit, because JIT, class loading and first-use allocations raise the floor in those minutes
 * without being a leak.
 *
 * <p>Without counters (no JFR) the first {@link #FALLBACK_MILLIS} count as warmup; a JVM whose
 * rates never settle is treated as warmed up after {@link #MAX_MILLIS}, so a worker that loads
 * classes all the time, or leaks class loaders, still gets a verdict.
 */
final class WarmupTracker {

    static final long WINDOW_MILLIS = 30_000;
    static final long FALLBACK_MILLIS = 10 * 60_000;
    static final long MAX_MILLIS = 20 * 60_000;
    static final double SETTLED_SHARE_OF_PEAK = 0.1;
    static final double SETTLED_COMPILES_PER_MINUTE = 200;
    static final double SETTLED_CLASSES_PER_MINUTE = 50;

    private long startMillis = Long.MIN_VALUE;
    private long windowStartMillis;
    private long windowCompiles = Observation.ABSENT;
    private long windowClasses = Observation.ABSENT;
    private double peakCompilesPerMinute;
    private double peakClassesPerMinute;
    private double lastCompilesPerMinute = Double.NaN;
    private double lastClassesPerMinute = Double.NaN;
    private boolean countersSeen;
    private long endMillis = Long.MIN_VALUE;
    private String endReason = "";

    void observe(Observation observation) {
        long now = observation.timeMillis();
        if (startMillis == Long.MIN_VALUE) {
            startMillis = now;
            windowStartMillis = now;
        }
        if (isOver()) {
            return;
        }
        long compiles = observation.compiledMethods();
        long classes = observation.loadedClasses();
        boolean counters = Observation.isPresent(compiles) && Observation.isPresent(classes);
        if (counters) {
            countersSeen = true;
            observeCounters(now, compiles, classes);
        }
        if (!isOver()) {
            applyTimeouts(now);
        }
    }

    private void observeCounters(long now, long compiles, long classes) {
        if (!Observation.isPresent(windowCompiles)) {
            windowCompiles = compiles;
            windowClasses = classes;
            windowStartMillis = now;
            return;
        }
        long elapsed = now - windowStartMillis;
        if (elapsed < WINDOW_MILLIS) {
            return;
        }
        double minutes = elapsed / 60_000.0;
        lastCompilesPerMinute = (compiles - windowCompiles) / minutes;
        lastClassesPerMinute = (classes - windowClasses) / minutes;
        peakCompilesPerMinute = Math.max(peakCompilesPerMinute, lastCompilesPerMinute);
        peakClassesPerMinute = Math.max(peakClassesPerMinute, lastClassesPerMinute);
        windowCompiles = compiles;
        windowClasses = classes;
        windowStartMillis = now;
        if (settled(lastCompilesPerMinute, peakCompilesPerMinute, SETTLED_COMPILES_PER_MINUTE)
                && settled(lastClassesPerMinute, peakClassesPerMinute, SETTLED_CLASSES_PER_MINUTE)) {
            end(now, String.format("JIT %.0f/min and class loading %.0f/min settled",
                    lastCompilesPerMinute, lastClassesPerMinute));
        }
    }

    private void applyTimeouts(long now) {
        long elapsed = now - startMillis;
        if (!countersSeen && elapsed >= FALLBACK_MILLIS) {
            end(now, "no JIT or class-loading counters; assumed warm after 10 min");
        } else if (elapsed >= MAX_MILLIS) {
            end(now, String.format("JIT %.0f/min, class loading %.0f/min still high after "
                    + "20 min; fitting anyway", lastCompilesPerMinute, lastClassesPerMinute));
        }
    }

    private static boolean settled(double rate, double peak, double absolute) {
        return rate <= Math.max(SETTLED_SHARE_OF_PEAK * peak, absolute);
    }

    private void end(long now, String reason) {
        endMillis = now;
        endReason = reason;
    }

    boolean isOver() {
        return endMillis != Long.MIN_VALUE;
    }

    /** Returns the time warmup ended; only meaningful when {@link #isOver()}. */
    long endMillis() {
        return endMillis;
    }

    String endReason() {
        return endReason;
    }

    /** Describes the warmup still in progress, for an insufficient-data verdict. */
    String progress() {
        if (!countersSeen) {
            return "warming up (no JIT or class-loading counters; waiting 10 min)";
        }
        if (Double.isNaN(lastCompilesPerMinute)) {
            return "warming up (first minute of JIT and class-loading counters)";
        }
        return String.format("warming up (JIT %.0f/min, class loading %.0f/min)",
                lastCompilesPerMinute, lastClassesPerMinute);
    }
}
