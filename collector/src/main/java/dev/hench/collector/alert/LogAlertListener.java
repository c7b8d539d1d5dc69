package dev.hench.collector.alert;

import dev.hench.collector.config.Durations;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per alert transition to the logger {@code hench.alert}, readable by people and
 * parseable as space-separated {@code key=value} pairs after the word {@code ALERT}:
 *
 * <pre>
 * ALERT id=heap-5f0c2a9e-1 worker=build-7 session=5f0c2a9e1b7d4c3a signal=heap level=warning
 *   state=raised slopeMiBPerMin=30.1 floorMiB=112.4 limitMiB=256.0 ttl=287s evidence=65s
 *   msg="heap floor grows 30.1 MiB/min"
 * </pre>
 *
 * (one line in the log). Values that do not apply are left out. {@code msg} is last and quoted,
 * with inner quotes replaced by apostrophes and line breaks by spaces. Alarm levels log at WARN,
 * others at INFO.
 */
public final class LogAlertListener implements AlertListener {

    static final String LOGGER_NAME = "hench.alert";

    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void onAlert(Alert alert) {
        String line = format(alert);
        if (alert.level().isAlarm() && alert.state() != AlertState.RESOLVED) {
            log.warn(line);
        } else {
            log.info(line);
        }
    }

    /** Formats the alert as the one-line form described in the class comment. */
    public static String format(Alert alert) {
        StringBuilder line = new StringBuilder(200).append("ALERT");
        append(line, "id", alert.id());
        append(line, "worker", alert.worker().workerId());
        append(line, "session", alert.worker().sessionId());
        append(line, "signal", alert.signal().wireName());
        append(line, "level", levelName(alert.level()));
        append(line, "state", alert.state().name().toLowerCase(Locale.ROOT));
        if (alert.slopeBytesPerMinute() != null) {
            append(line, "slopeMiBPerMin", mebibytes(alert.slopeBytesPerMinute()));
        }
        if (alert.floorBytes() != null) {
            append(line, "floorMiB", mebibytes(alert.floorBytes()));
        }
        if (alert.limitBytes() != null) {
            append(line, "limitMiB", mebibytes(alert.limitBytes()));
        }
        appendDuration(line, "ttl", alert.timeToLimit());
        appendDuration(line, "evidence", alert.evidenceSpan());
        String message = alert.message() == null ? "" : alert.message();
        message = message.replace('"', '\'').replaceAll("[\\r\\n]+", " ");
        return line.append(" msg=\"").append(message).append('"').toString();
    }

    /** Returns the level as one word, for example {@code warning} or {@code insufficient_data}. */
    public static String levelName(Level level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    private static void appendDuration(StringBuilder line, String key, Duration value) {
        if (value != null) {
            append(line, key, Durations.format(value.withNanos(0)));
        }
    }

    private static String mebibytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / BYTES_PER_MIB);
    }

    private static void append(StringBuilder line, String key, String value) {
        line.append(' ').append(key).append('=').append(value);
    }
}
