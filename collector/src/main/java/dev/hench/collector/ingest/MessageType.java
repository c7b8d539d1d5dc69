package dev.hench.collector.ingest;

/** The {@code type} of a line from an agent; {@link #UNKNOWN} covers types this version ignores. */
public enum MessageType {
    HELLO,
    SAMPLE,
    GC,
    PHASE,
    RUN,
    SUSPECTS,
    UNKNOWN;

    /** Returns true for the types that the agent buffers and numbers with {@code seq}. */
    public boolean isSequenced() {
        return this == SAMPLE || this == GC || this == PHASE || this == RUN || this == SUSPECTS;
    }

    static MessageType ofWireName(String name) {
        switch (name) {
            case "hello":
                return HELLO;
            case "sample":
                return SAMPLE;
            case "gc":
                return GC;
            case "phase":
                return PHASE;
            case "run":
                return RUN;
            case "suspects":
                return SUSPECTS;
            default:
                return UNKNOWN;
        }
    }
}
