package dev.hench.collector.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** Committed by the collector when a leak alert was raised ({@code hench.LeakSuspected}). */
@Name("hench.LeakSuspected")
@Label("Leak Suspected")
@Description("A leak alert was raised")
final class LeakSuspectedEvent extends AlertEvent {
}
