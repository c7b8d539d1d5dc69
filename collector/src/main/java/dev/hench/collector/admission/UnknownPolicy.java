package dev.hench.collector.admission;

/** What an {@link AdmissionLevel#UNKNOWN} budget admits: treated as delay, refuse or admit. */
public enum UnknownPolicy {
    DELAY, REFUSE, ADMIT
}
