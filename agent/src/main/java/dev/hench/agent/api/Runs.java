package dev.hench.agent.api;

import dev.hench.agent.StderrLog;
import dev.hench.agent.phase.PhaseTracker;

/**
 * Marks run boundaries: one run is one unit of the worker's work, such as one job. The collector
 * compares the heap at the same boundary across runs, so retained growth shows even when each run
 * uses and releases a lot of memory.
 *
 * <p>Each call sends a {@code run} message and commits a {@code hench.Phase} JFR event. Cheap no-ops
 * when the agent is not running; never throws; thread-safe.
 */
public final class Runs {

    private Runs() {
    }

    /** Begins run {@code runId}; samples carry it as {@code runId} until {@link #end(String)}. */
    public static void begin(String runId) {
        PhaseTracker tracker = PhaseTracker.active();
        if (tracker == null) {
            return;
        }
        try {
            tracker.beginRun(runId);
        } catch (RuntimeException | LinkageError e) {
            StderrLog.throttled("run-api", "run begin failed: " + e);
        }
    }

    public static void end(String runId) {
        PhaseTracker tracker = PhaseTracker.active();
        if (tracker == null) {
            return;
        }
        try {
            tracker.endRun(runId);
        } catch (RuntimeException | LinkageError e) {
            StderrLog.throttled("run-api", "run end failed: " + e);
        }
    }
}
