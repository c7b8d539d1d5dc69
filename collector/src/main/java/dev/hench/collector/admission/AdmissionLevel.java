package dev.hench.collector.admission;

/**
 * How freely new workers may start, from most to least permissive. {@code UNKNOWN} means no
 * memory source could be read; what it admits is decided by {@link UnknownPolicy}, never
 * silently treated as {@code NORMAL}.
 */
public enum AdmissionLevel {
    /** Start workers. */
    NORMAL,
    /** Wait before starting another worker; memory is getting tight or under pressure. */
    DELAY,
    /** Do not start another worker: it would not fit, or memory is nearly exhausted. */
    REFUSE,
    /** The budget could not be read. */
    UNKNOWN;

    /** Returns the stricter of the two known levels. */
    AdmissionLevel atLeast(AdmissionLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
