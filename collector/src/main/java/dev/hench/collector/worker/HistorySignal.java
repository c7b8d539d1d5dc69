package dev.hench.collector.worker;

import dev.hench.collector.signal.Observation;
import java.util.function.ToLongFunction;

/** The signals whose history {@link WorkerSeries} keeps, each read from an {@link Observation}. */
public enum HistorySignal {
    HEAP_USED(Observation::heapUsedBytes),
    HEAP_COMMITTED(Observation::heapCommittedBytes),
    HEAP_AFTER_GC(Observation::heapAfterGcBytes),
    GC_PAUSE_NANOS(Observation::gcPauseNanos),
    RSS(Observation::rssBytes),
    METASPACE(Observation::metaspaceBytes),
    CODE_CACHE(Observation::codeCacheBytes),
    DIRECT(Observation::directBytes),
    MAPPED(Observation::mappedBytes),
    COMPILED_METHODS(Observation::compiledMethods),
    LOADED_CLASSES(Observation::loadedClasses);

    private final ToLongFunction<Observation> reader;

    HistorySignal(ToLongFunction<Observation> reader) {
        this.reader = reader;
    }

    long read(Observation observation) {
        return reader.applyAsLong(observation);
    }
}
