package dev.hench.collector.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** Committed by the collector when an alert changed level ({@code hench.AlertUpdated}). */
@Name("hench.AlertUpdated")
@Label("Alert Updated")
@Description("An alert changed level")
final class AlertUpdatedEvent extends AlertEvent {
}
