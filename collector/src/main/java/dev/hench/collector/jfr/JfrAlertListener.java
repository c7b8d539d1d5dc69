package dev.hench.collector.jfr;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertListener;

/**
 * Commits each alert transition as a JFR event: {@code hench.LeakSuspected} when raised,
 * {@code hench.AlertUpdated} and {@code hench.AlertResolved} later. It marks the
 * {@link CollectorRecording} changed, so the file is rewritten within the dump interval.
 */
public final class JfrAlertListener implements AlertListener {

    private final CollectorRecording recording;

    public JfrAlertListener(CollectorRecording recording) {
        this.recording = recording;
    }

    @Override
    public String name() {
        return "jfr";
    }

    @Override
    public void onAlert(Alert alert) {
        AlertEvent event = newEvent(alert);
        event.fill(alert);
        event.commit();
        recording.markChanged();
    }

    private static AlertEvent newEvent(Alert alert) {
        switch (alert.state()) {
            case RAISED:
                return new LeakSuspectedEvent();
            case UPDATED:
                return new AlertUpdatedEvent();
            default:
                return new AlertResolvedEvent();
        }
    }
}
