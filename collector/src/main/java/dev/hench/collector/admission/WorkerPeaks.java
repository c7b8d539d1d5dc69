package dev.hench.collector.admission;

import java.util.OptionalLong;

/**
 * The typical peak resident set size of the workers the collector has seen, used to decide
 * whether the next worker fits. Implemented by the worker registry; must be thread-safe and
 * cheap, because the admission sampler calls it at every interval.
 */
@FunctionalInterface
public interface WorkerPeaks {

    /** Returns the typical peak RSS in bytes, or empty before any worker reported one. */
    OptionalLong typicalPeakRssBytes();

    /** Returns a source without peaks, for collectors that do not track workers. */
    static WorkerPeaks none() {
        return OptionalLong::empty;
    }
}
