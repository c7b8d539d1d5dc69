package dev.hench.agent.api;

import dev.hench.agent.StderrLog;
import dev.hench.agent.phase.PhaseTracker;

/**
 * Marks phases of the worker's work, such as {@code load}, {@code process} and {@code output}, so
 * the collector can tell memory that a phase holds and releases from memory that stays.
 *
 * <p>Each call sends a {@code phase} message to the collector and, once the agent's JFR stream
 * has started (about a second after JVM start), commits a {@code hench.Phase} JFR event. When the
 * agent is not running (not attached, disabled by options, or failed), every method is a cheap
 * no-op. No method throws. Thread-safe: phases form one process-wide stack, and
 * the innermost open phase is reported with each sample.
 */
public final class Phases {

    private Phases() {
    }

    /** Begins phase {@code name}; end it with {@link #end(String)}. */
    public static void begin(String name) {
        PhaseTracker tracker = PhaseTracker.active();
        if (tracker == null) {
            return;
        }
        try {
            tracker.beginPhase(name);
        } catch (RuntimeException | LinkageError e) {
            StderrLog.throttled("phase-api", "phase begin failed: " + e);
        }
    }

    /** Ends the most recently begun open phase called {@code name}. */
    public static void end(String name) {
        PhaseTracker tracker = PhaseTracker.active();
        if (tracker == null) {
            return;
        }
        try {
            tracker.endPhase(name);
        } catch (RuntimeException | LinkageError e) {
            StderrLog.throttled("phase-api", "phase end failed: " + e);
        }
    }

    /** Begins phase {@code name} and returns a handle that ends it when closed. */
    public static Phase open(String name) {
        if (PhaseTracker.active() == null) {
            return Phase.NOT_RECORDED;
        }
        begin(name);
        return new Phase(name);
    }
}
