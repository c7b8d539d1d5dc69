package dev.hench.collector.alert;

import java.util.Locale;

/** How serious a verdict is. {@link #INSUFFICIENT_DATA} is neither "leak" nor "no leak". */
public enum Level {
    NONE,
    INFORMATION,
    WARNING,
    CRITICAL,
    INSUFFICIENT_DATA;

    /** Returns true for the levels that page an operator. */
    public boolean isAlarm() {
        return this == WARNING || this == CRITICAL;
    }

    /** Returns the spelling used in logs and JSON: none, information, ..., insufficient data. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
