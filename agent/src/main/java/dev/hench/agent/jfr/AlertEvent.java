package dev.hench.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** An alert that the collector raised about this worker, recorded next to the worker's GC data. */
@Name("hench.Alert")
@Label("hench Alert")
@Category("hench")
@Description("Alert about this worker pushed by the hench collector")
final class AlertEvent extends Event {

    @Label("Alert Id")
    String alertId;

    @Label("Signal")
    @Description("heap, metaspace, native or gc")
    String signal;

    @Label("Level")
    String level;

    @Label("State")
    @Description("raised, updated or resolved")
    String state;

    @Label("Message")
    String message;
}
