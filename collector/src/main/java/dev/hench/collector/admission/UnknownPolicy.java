package dev.hench.collector.admission;

/** The verdict for an {@link AdmissionLevel#UNKNOWN} budget: treat it as delay, refuse or admit. */
public enum UnknownPolicy {
    DELAY, REFUSE, ADMIT
}
