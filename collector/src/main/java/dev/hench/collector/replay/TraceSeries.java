package dev.hench.collector.replay;

import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.util.List;

/** The observations of one worker series (one JVM run) in time order. */
public record TraceSeries(WorkerKey worker, List<Observation> observations) {

    public TraceSeries {
        observations = List.copyOf(observations);
    }
}
