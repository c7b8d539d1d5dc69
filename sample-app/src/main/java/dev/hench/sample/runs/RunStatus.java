package dev.hench.sample.runs;

import java.util.Locale;

/** The {@code status} field of a run file. */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** Returns the value as written in run files, for example {@code succeeded}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
