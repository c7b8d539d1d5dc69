package dev.hench.collector.admission;

/** The action a launcher should take now with its next worker. */
public enum Verdict {
    /** Start it. */
    ADMIT,
    /** Wait and ask again. */
    WAIT,
    /** Do not start it. */
    REJECT;

    static Verdict of(AdmissionLevel level, UnknownPolicy unknownPolicy) {
        return switch (level) {
            case NORMAL -> ADMIT;
            case DELAY -> WAIT;
            case REFUSE -> REJECT;
            case UNKNOWN -> switch (unknownPolicy) {
                case DELAY -> WAIT;
                case REFUSE -> REJECT;
                case ADMIT -> ADMIT;
            };
        };
    }
}
