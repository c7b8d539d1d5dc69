package dev.hench.agent.jfr;

import java.util.Map;

import dev.hench.agent.phase.PhaseEventSink;

/**
 * Operations the rest of the agent uses on JFR. Declared without any {@code jdk.jfr} type, so code
 * that holds a reference still loads on a JVM without the {@code jdk.jfr} module.
 */
public interface JfrFacade extends PhaseEventSink {

    /** Streams events until {@link #close()}; blocks, so call it on the agent's JFR thread. */
    void stream();

    /** Commits a {@code hench.Alert} event from a collector {@code alert} message; never throws. */
    void commitAlert(Map<String, Object> fields);

    /**
     * Samples old objects for {@code durationSeconds} on the calling thread, then returns the
     * {@code suspects} message body; blocks for that long.
     */
    SuspectsReport sampleOldObjects(String requestId, long durationSeconds, int stackDepth);

    void close();
}
