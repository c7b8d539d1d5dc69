package dev.hench.collector.leak;

/** Kind of result a verdict found in a signal, independent of how serious it is. */
public enum Finding {
    /** Not enough evidence yet; the verdict names what is missing. */
    UNKNOWN,
    /** No material growth in the latest regime. */
    FLAT,
    /** Growth that does not slow down: a leak. */
    GROWING,
    /** Growth that slows toward a projected bound, such as a cache filling up. */
    PLATEAU,
    /** Most of the time spent in GC with the live set near the heap's maximum. */
    DEATH_SPIRAL
}
