package dev.hench.collector.replay;

import java.util.List;

/**
 * A recorded or synthetic trace: one or more series (a JVM restart under the same worker id
 * starts a new one), with the warnings that reading it produced.
 */
public record Trace(String name, List<TraceSeries> series, List<String> warnings) {

    public Trace {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
    }

    public int observationCount() {
        return series.stream().mapToInt(s -> s.observations().size()).sum();
    }
}
