package dev.hench.collector.jfr;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.LogAlertListener;
import java.util.Locale;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** Fields shared by the collector's alert events; each subclass is one step of an alert's life. */
@Category({"hench", "Alerts"})
@StackTrace(false)
abstract class AlertEvent extends Event {

    @Label("Alert Id")
    @Description("Stable id shared by the raised, updated and resolved steps of one alert")
    String alertId;

    @Label("Worker")
    String worker;

    @Label("Session")
    String session;

    @Label("Signal")
    @Description("heap, metaspace, native or gc")
    String signal;

    @Label("Level")
    String level;

    @Label("State")
    String state;

    @Label("Slope")
    @Description("Growth of the signal's floor in bytes per minute; NaN when it does not apply")
    double slopeBytesPerMinute;

    @Label("Floor")
    @DataAmount
    long floorBytes;

    @Label("Limit")
    @DataAmount
    long limitBytes;

    @Label("Time To Limit")
    @Timespan(Timespan.MILLISECONDS)
    long timeToLimitMillis;

    @Label("Message")
    String message;

    @Label("Suspects")
    @Description("Retained classes with their allocation stacks that the worker reported, best first")
    String suspects;

    /** Copies {@code alert} into the fields; absent numbers become NaN or -1 (JFR has no null). */
    void fill(Alert alert) {
        alertId = alert.id();
        worker = alert.worker().workerId();
        session = alert.worker().sessionId();
        signal = alert.signal().wireName();
        level = LogAlertListener.levelName(alert.level());
        state = alert.state().name().toLowerCase(Locale.ROOT);
        slopeBytesPerMinute = alert.slopeBytesPerMinute() == null ? Double.NaN : alert.slopeBytesPerMinute();
        floorBytes = alert.floorBytes() == null ? -1 : alert.floorBytes();
        limitBytes = alert.limitBytes() == null ? -1 : alert.limitBytes();
        timeToLimitMillis = alert.timeToLimit() == null ? -1 : alert.timeToLimit().toMillis();
        message = alert.message();
        suspects = alert.suspects().isEmpty() ? null : String.join("; ", alert.suspects());
    }
}
