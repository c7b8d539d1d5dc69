package dev.hench.collector.leak;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertState;
import dev.hench.collector.alert.Level;
import dev.hench.collector.signal.WorkerKey;
import java.time.Instant;
import java.util.List;

/**
 * Turns a series' stream of verdicts into alert transitions with a stable id: raised on the first
 * verdict of information or above, updated when the level changes, resolved when the series is
 * flat again. A higher level is reported at once; a lower level or a resolution only after
 * {@link #CONFIRMATIONS} verdicts in a row agree, so a level that wavers does not repeat alerts.
 * Insufficient-data verdicts change nothing.
 */
final class AlertLifecycle {

    static final int CONFIRMATIONS = 3;

    private final WorkerKey worker;
    private final String idPrefix;
    private int sequence;
    private String activeId;
    private Level activeLevel;
    private Instant believedSince;
    private Level pendingLevel;
    private int pendingCount;

    AlertLifecycle(WorkerKey worker, String source) {
        this.worker = worker;
        String session = worker.sessionId();
        this.idPrefix = source + "-" + session.substring(0, Math.min(8, session.length())) + "-";
    }

    /** Returns the transition that {@code verdict} causes, or an empty list. */
    List<Alert> onVerdict(Verdict verdict) {
        Level level = verdict.level();
        if (level == Level.INSUFFICIENT_DATA) {
            return List.of();
        }
        if (activeId == null) {
            return level == Level.NONE ? List.of() : List.of(raise(verdict));
        }
        if (level == activeLevel) {
            pendingLevel = null;
            return List.of();
        }
        if (level.compareTo(activeLevel) > 0 && level != Level.NONE) {
            return List.of(transition(verdict, AlertState.UPDATED));
        }
        return confirmLower(verdict);
    }

    private List<Alert> confirmLower(Verdict verdict) {
        if (verdict.level() != pendingLevel) {
            pendingLevel = verdict.level();
            pendingCount = 0;
        }
        if (++pendingCount < CONFIRMATIONS) {
            return List.of();
        }
        if (verdict.level() == Level.NONE) {
            return resolve(verdict);
        }
        return List.of(transition(verdict, AlertState.UPDATED));
    }

    /** Resolves the open alert without waiting for confirmations; empty when none is open. */
    List<Alert> resolve(Verdict verdict) {
        if (activeId == null) {
            return List.of();
        }
        Alert resolved = transition(verdict, AlertState.RESOLVED);
        activeId = null;
        activeLevel = null;
        return List.of(resolved);
    }

    private Alert raise(Verdict verdict) {
        activeId = idPrefix + ++sequence;
        believedSince = Instant.ofEpochMilli(verdict.atMillis());
        return transition(verdict, AlertState.RAISED);
    }

    private Alert transition(Verdict verdict, AlertState state) {
        if (state != AlertState.RESOLVED) {
            activeLevel = verdict.level();
        }
        pendingLevel = null;
        pendingCount = 0;
        return new Alert(activeId, worker, verdict.signal(), verdict.level(), state,
                Instant.ofEpochMilli(verdict.atMillis()), verdict.slopeBytesPerMinute(),
                verdict.slopeLowBytesPerMinute(), verdict.slopeHighBytesPerMinute(),
                verdict.floorBytes(), verdict.limitBytes(), verdict.timeToLimit(),
                verdict.evidenceSpan(), believedSince, AlertMessages.describe(worker, verdict,
                        state, believedSince), List.of());
    }

    boolean isActive() {
        return activeId != null;
    }
}
