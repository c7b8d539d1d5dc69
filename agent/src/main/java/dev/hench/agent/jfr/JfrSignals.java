package dev.hench.agent.jfr;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.hench.agent.StderrLog;
import dev.hench.agent.poll.AgentCpuClock;
import dev.hench.agent.poll.LatestReadings;
import dev.hench.agent.wire.MessageRing;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * The agent's JFR stream: a {@link RecordingStream} with the GC, metaspace, physical-memory,
 * compiler, class-loading, code-cache and (JDK 21+) resident-set-size events, each routed to one
 * handler. Loaded only through {@link JfrGate} after JFR reported itself available.
 *
 * <p>A handler that meets an event with a missing or mistyped field drops that event and counts
 * it in {@code malformedJfrEvents}; nothing a handler throws stops the stream.
 */
final class JfrSignals implements JfrFacade {

    static final Duration MAX_CHUNK_AGE = Duration.ofMinutes(5);
    static final long MAX_CHUNK_BYTES = 32L * 1024 * 1024;

    private final RecordingStream stream = new RecordingStream();
    private final LatestReadings readings;
    private final AgentCpuClock cpuClock;
    private final GcEvents gcEvents;
    private final PeriodicEvents periodicEvents;

    private JfrSignals(MessageRing ring, LatestReadings readings, AgentCpuClock cpuClock) {
        this.readings = readings;
        this.cpuClock = cpuClock;
        this.gcEvents = new GcEvents(ring, readings);
        this.periodicEvents = new PeriodicEvents(readings);
    }

    static JfrFacade create(long intervalMillis, MessageRing ring, LatestReadings readings, AgentCpuClock cpuClock) {
        JfrSignals signals = new JfrSignals(ring, readings, cpuClock);
        signals.subscribe(Duration.ofMillis(intervalMillis));
        readings.metaspaceMaxBytes = metaspaceMaxBytes();
        return signals;
    }

    private void subscribe(Duration period) {
        Set<String> known = knownEventNames();
        for (String name : GcEvents.eventNames()) {
            if (known.contains(name)) {
                stream.enable(name);
            }
        }
        handle(GcEvents.GARBAGE_COLLECTION, gcEvents::onGarbageCollection);
        handle(GcEvents.HEAP_SUMMARY, gcEvents::onHeapSummary);
        handle(GcEvents.METASPACE_SUMMARY, gcEvents::onMetaspaceSummary);
        handle(GcEvents.G1_COLLECTION, gcEvents::onG1Collection);
        GcEvents.YOUNG_EVENTS.forEach(name -> handle(name, gcEvents::onYoungCollection));
        GcEvents.OLD_EVENTS.forEach(name -> handle(name, gcEvents::onOldCollection));
        periodic(known, PeriodicEvents.PHYSICAL_MEMORY, period, periodicEvents::onPhysicalMemory);
        periodic(known, PeriodicEvents.COMPILER_STATISTICS, period, periodicEvents::onCompilerStatistics);
        periodic(known, PeriodicEvents.CLASS_LOADING_STATISTICS, period, periodicEvents::onClassLoadingStatistics);
        periodic(known, PeriodicEvents.CODE_CACHE_STATISTICS, period, periodicEvents::onCodeCacheStatistics);
        periodic(known, PeriodicEvents.RESIDENT_SET_SIZE, period, periodicEvents::onResidentSetSize);
        // The stream's chunks sit in the JFR repository on disk; bound them for long-lived workers.
        stream.setMaxAge(MAX_CHUNK_AGE);
        stream.setMaxSize(MAX_CHUNK_BYTES);
        stream.onFlush(this::onFlush);
        stream.onError(error -> StderrLog.throttled("jfr-stream", "JFR stream error: " + error));
    }

    private void periodic(Set<String> known, String name, Duration period, Consumer<RecordedEvent> handler) {
        if (known.contains(name)) {
            stream.enable(name).withPeriod(period);
            handle(name, handler);
        }
    }

    private void handle(String name, Consumer<RecordedEvent> handler) {
        stream.onEvent(name, event -> {
            try {
                handler.accept(event);
            } catch (IllegalArgumentException | NullPointerException | ClassCastException malformed) {
                readings.malformedJfrEvents++;
            }
        });
    }

    private void onFlush() {
        try {
            gcEvents.onFlush();
        } catch (RuntimeException e) {
            StderrLog.throttled("jfr-flush", "sending GC events failed: " + e);
        }
        cpuClock.recordCurrentThread(AgentCpuClock.JFR);
    }

    private static Set<String> knownEventNames() {
        Set<String> names = new HashSet<>();
        for (EventType type : FlightRecorder.getFlightRecorder().getEventTypes()) {
            names.add(type.getName());
        }
        return names;
    }

    /** Returns MaxMetaspaceSize from the Metaspace memory pool, or absent when it is unlimited. */
    private static long metaspaceMaxBytes() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                long max = pool.getUsage().getMax();
                return max < 0 ? dev.hench.agent.wire.JsonWriter.ABSENT : max;
            }
        }
        return dev.hench.agent.wire.JsonWriter.ABSENT;
    }

    @Override
    public void stream() {
        stream.start();
    }

    @Override
    public void commit(String kind, String name, String event, String runId) {
        PhaseEvent phase = new PhaseEvent();
        phase.kind = kind;
        phase.name = name;
        phase.boundary = event;
        phase.runId = runId;
        phase.commit();
    }

    @Override
    public void commitAlert(Map<String, Object> fields) {
        AlertEvent alert = new AlertEvent();
        alert.alertId = text(fields.get("id"));
        alert.signal = text(fields.get("signal"));
        alert.level = text(fields.get("level"));
        alert.state = text(fields.get("state"));
        alert.message = text(fields.get("message"));
        alert.commit();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @Override
    public SuspectsReport sampleOldObjects(String requestId, long durationSeconds, int stackDepth) {
        // While this stream runs without jdk.OldObjectSample stack traces, the samples of any other
        // recording lose theirs too (seen on JDK 17.0.15 and 25), so enable them here for the window.
        OldObjectSampler.configure(stream.enable(OldObjectSampler.OLD_OBJECT_SAMPLE));
        try {
            return new OldObjectSampler(requestId, durationSeconds, stackDepth).run();
        } finally {
            stream.disable(OldObjectSampler.OLD_OBJECT_SAMPLE);
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
