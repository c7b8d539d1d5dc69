package dev.hench.agent.admission;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.hench.agent.StderrLog;
import dev.hench.agent.api.AdmissionLevel;
import dev.hench.agent.api.AdmissionListener;

/**
 * Holds the latest admission level from the collector and notifies listeners of changes. Written
 * by the sender thread, read by any thread.
 */
public final class AdmissionBoard {

    private static final CopyOnWriteArrayList<AdmissionListener> LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile State state = new State(AdmissionLevel.UNKNOWN, List.of());

    private AdmissionBoard() {
    }

    public static AdmissionLevel level() {
        return state.level;
    }

    public static List<String> reasons() {
        return state.reasons;
    }

    public static void addListener(AdmissionListener listener) {
        if (listener != null) {
            LISTENERS.add(listener);
        }
    }

    public static void removeListener(AdmissionListener listener) {
        LISTENERS.remove(listener);
    }

    /** Stores a level pushed by the collector and tells the listeners when it differs from the last one. */
    public static void publish(AdmissionLevel level, List<String> reasons) {
        State previous = state;
        state = new State(level, List.copyOf(reasons));
        if (previous.level == level) {
            return;
        }
        for (AdmissionListener listener : LISTENERS) {
            try {
                listener.levelChanged(previous.level, level);
            } catch (RuntimeException e) {
                StderrLog.throttled("admission-listener", "admission listener " + listener.getClass().getName()
                        + " failed: " + e);
            }
        }
    }

    private static final class State {
        final AdmissionLevel level;
        final List<String> reasons;

        State(AdmissionLevel level, List<String> reasons) {
            this.level = level;
            this.reasons = reasons;
        }
    }
}
