package dev.hench.collector.admission;

/**
 * Admission level for new workers, from most to least permissive. {@code UNKNOWN} means no
 * memory source could be read. {@link UnknownPolicy} decides what it admits, so it is never
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
