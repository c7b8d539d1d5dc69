package dev.hench.collector.alert;

import java.util.Locale;

/** The memory signal that a verdict or an alert is about. */
public enum Signal {
    /** Live heap: the floor of heap after GC. */
    HEAP,
    /** Metaspace in use; a steady rise points at a class-loader leak. */
    METASPACE,
    /** RSS minus committed heap, metaspace, code cache and direct buffers. */
    NATIVE,
    /** Time spent in GC relative to wall time, with the live set near its maximum. */
    GC;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
