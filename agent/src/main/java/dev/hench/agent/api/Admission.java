package dev.hench.agent.api;

import dev.hench.agent.admission.AdmissionBoard;

/**
 * The admission level that the collector last pushed to this worker, for worker code that decides
 * whether to take on more work. {@link AdmissionLevel#UNKNOWN} until the first level arrives, when
 * the agent is not running, and after the connection to the collector is lost.
 *
 * <p>Thread-safe; never throws.
 */
public final class Admission {

    private Admission() {
    }

    public static AdmissionLevel level() {
        return AdmissionBoard.level();
    }

    /** Returns the collector's reasons for the current level; empty when none were given. */
    public static java.util.List<String> reasons() {
        return AdmissionBoard.reasons();
    }

    /**
     * Registers {@code listener} for level changes after this call; null is ignored. Read
     * {@link #level()} after registering to learn the current level.
     */
    public static void addListener(AdmissionListener listener) {
        AdmissionBoard.addListener(listener);
    }

    public static void removeListener(AdmissionListener listener) {
        AdmissionBoard.removeListener(listener);
    }
}
