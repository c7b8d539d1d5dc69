package dev.hench.agent.api;

/** The collector's answer to "may another worker start now?", as pushed to this worker. */
public enum AdmissionLevel {
    /** Memory is fine: start more work. */
    NORMAL,
    /** Memory is getting tight: delay new work. */
    DELAY,
    /** Memory is short: start no new work. */
    REFUSE,
    /** No level received yet (no collector, or the agent is not running), or the collector could not measure. */
    UNKNOWN;

    /** Returns the level named {@code name} (case-insensitive), or {@link #UNKNOWN} for anything else. */
    public static AdmissionLevel parse(String name) {
        if (name != null) {
            for (AdmissionLevel level : values()) {
                if (level.name().equalsIgnoreCase(name)) {
                    return level;
                }
            }
        }
        return UNKNOWN;
    }
}
