package dev.hench.collector.admission;

import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * The typical peak resident set size of the workers the collector has seen, used to decide
 * whether the next worker fits. Implemented over the worker registry; must be thread-safe and
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

    /**
     * Returns a source whose typical peak is the median of the per-worker peaks that
     * {@code peakRssPerWorkerBytes} supplies at each call. Values of 0 or less (no RSS reported)
     * are skipped; with an even count the upper of the two middle values is taken.
     */
    static WorkerPeaks medianOf(Supplier<LongStream> peakRssPerWorkerBytes) {
        return () -> {
            long[] peaks = peakRssPerWorkerBytes.get().filter(bytes -> bytes > 0).sorted()
                    .toArray();
            return peaks.length == 0 ? OptionalLong.empty()
                    : OptionalLong.of(peaks[peaks.length / 2]);
        };
    }
}
