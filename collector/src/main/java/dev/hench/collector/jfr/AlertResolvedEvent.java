package dev.hench.collector.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** Committed by the collector when an alert was resolved ({@code hench.AlertResolved}). */
@Name("hench.AlertResolved")
@Label("Alert Resolved")
@Description("An alert was resolved")
final class AlertResolvedEvent extends AlertEvent {
}
