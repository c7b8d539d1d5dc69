package dev.hench.agent.jfr;

/**
 * Maps JFR's collector names to the protocol's GC kinds. Names checked against recordings of
 * JDK 17 and JDK 25 with G1, Parallel, Serial and ZGC, and the HotSpot sources for Shenandoah.
 */
final class GcKinds {

    static final String YOUNG = "young";
    static final String MIXED = "mixed";
    static final String OLD = "old";
    static final String FULL = "full";

    private GcKinds() {
    }

    /**
     * Returns the kind of a collection.
     *
     * @param name {@code jdk.GarbageCollection.name}
     * @param g1Type {@code jdk.G1GarbageCollection.type} for the same GC id, or null
     * @param sawYoungEvent whether a {@code jdk.YoungGarbageCollection} or
     *     {@code jdk.ZYoungGarbageCollection} event had the same GC id
     * @param sawOldEvent the same for the old-generation events
     * @return the kind, or null when neither the name nor the events tell
     */
    static String kindOf(String name, String g1Type, boolean sawYoungEvent, boolean sawOldEvent) {
        switch (name) {
            case "G1New":
                return "Mixed".equals(g1Type) ? MIXED : YOUNG;
            case "ParallelScavenge":
            case "DefNew":
            case "ZGC Minor":
                return YOUNG;
            case "G1Full":
            case "ParallelOld":
            case "SerialOld":
            case "PSMarkSweep":
                return FULL;
            case "G1Old":
            case "Z":
            case "ZGC Major":
            case "Shenandoah":
                // Concurrent cycles: G1's concurrent mark, and ZGC's or Shenandoah's whole-heap cycle.
                return OLD;
            default:
                if (sawOldEvent) {
                    return OLD;
                }
                return sawYoungEvent ? YOUNG : null;
        }
    }
}
