package dev.hench.collector.metrics;

import dev.hench.collector.signal.Observation;
import dev.hench.collector.worker.SeriesListener;
import dev.hench.collector.worker.WorkerSeries;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Per-worker meters, tagged {@code worker} and {@code session}: added when a series starts,
 * removed when it is forgotten. A value the worker has not reported reads as NaN, not 0.
 */
public final class WorkerMeters implements SeriesListener {

    private final MeterRegistry meters;
    private final Map<WorkerSeries, List<Meter>> registered = new ConcurrentHashMap<>();

    public WorkerMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Returns the tags that identify a series' meters. */
    public static Tags tags(WorkerSeries series) {
        return Tags.of("worker", series.key().workerId(), "session", series.key().sessionId());
    }

    @Override
    public void onSeriesStarted(WorkerSeries series) {
        List<Meter> list = new ArrayList<>();
        Tags tags = tags(series);
        list.add(bytes("hench.worker.heap.used", "Heap in use at the last sample", series, tags,
                s -> s.lastSample() == null ? Observation.ABSENT : s.lastSample().heapUsedBytes()));
        list.add(bytes("hench.worker.heap.max", "Maximum heap", series, tags, WorkerSeries::heapMaxBytes));
        list.add(bytes("hench.worker.heap.after.gc", "Heap after the latest GC of any kind", series, tags,
                WorkerSeries::lastHeapAfterGcBytes));
        list.add(bytes("hench.worker.heap.floor", "Smallest heap after GC in the minute before the latest GC",
                series, tags, WorkerSeries::heapFloorBytes));
        list.add(bytes("hench.worker.rss", "Resident set size at the last sample", series, tags,
                s -> s.lastSample() == null ? Observation.ABSENT : s.lastSample().rssBytes()));
        list.add(bytes("hench.worker.metaspace", "Metaspace in use at the last sample", series, tags,
                s -> s.lastSample() == null ? Observation.ABSENT : s.lastSample().metaspaceBytes()));
        list.add(Gauge.builder("hench.worker.connected", series, s -> s.isConnected() ? 1 : 0)
                .description("1 while the worker's agent is connected, 0 during the grace period")
                .tags(tags).register(meters));
        list.add(count("hench.worker.samples", "Samples received", series, tags, WorkerSeries::samplesReceived));
        list.add(count("hench.worker.gc.events", "GC events received", series, tags,
                WorkerSeries::gcEventsReceived));
        list.add(count("hench.worker.seq.gaps", "Messages missing between received sequence numbers", series,
                tags, s -> s.sequence().missingMessages()));
        list.add(count("hench.worker.duplicates", "Messages dropped as already processed", series, tags,
                s -> s.sequence().duplicateMessages()));
        list.add(count("hench.worker.agent.dropped", "Messages the agent dropped from its full buffer", series,
                tags, s -> presentOrZero(s.agentDroppedTotal())));
        registered.put(series, list);
    }

    @Override
    public void onSeriesForgotten(WorkerSeries series) {
        List<Meter> list = registered.remove(series);
        if (list != null) {
            list.forEach(meters::remove);
        }
        meters.find("hench.worker.alerts").tags(tags(series)).meters().forEach(meters::remove);
    }

    private Meter bytes(String name, String description, WorkerSeries series, Tags tags,
            ToLongFunction<WorkerSeries> value) {
        ToDoubleFunction<WorkerSeries> reader = s -> {
            long bytes = value.applyAsLong(s);
            return Observation.isPresent(bytes) ? bytes : Double.NaN;
        };
        return Gauge.builder(name, series, reader).description(description).baseUnit("bytes").tags(tags)
                .register(meters);
    }

    private Meter count(String name, String description, WorkerSeries series, Tags tags,
            ToLongFunction<WorkerSeries> value) {
        return FunctionCounter.builder(name, series, s -> value.applyAsLong(s)).description(description)
                .tags(tags).register(meters);
    }

    private static long presentOrZero(long value) {
        return Observation.isPresent(value) ? value : 0;
    }
}
