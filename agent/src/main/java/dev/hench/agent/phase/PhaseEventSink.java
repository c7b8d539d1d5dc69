package dev.hench.agent.phase;

/** Receives phase and run boundaries for the worker's JFR recording ({@code hench.Phase} events). */
public interface PhaseEventSink {

    /**
     * Commits one boundary.
     *
     * @param kind {@code phase} or {@code run}
     * @param name phase name, or the run id for runs
     * @param event {@code begin} or {@code end}
     * @param runId current run id, or null
     */
    void commit(String kind, String name, String event, String runId);
}
