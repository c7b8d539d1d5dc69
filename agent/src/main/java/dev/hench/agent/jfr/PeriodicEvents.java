package dev.hench.agent.jfr;

import java.util.HashMap;
import java.util.Map;

import dev.hench.agent.poll.LatestReadings;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Handlers for the periodic JFR events whose latest values go into each {@code sample}. Each
 * handler checks the fields it reads and counts an event that lacks one as malformed. Used only
 * on the JFR thread.
 */
final class PeriodicEvents {

    static final String PHYSICAL_MEMORY = "jdk.PhysicalMemory";
    static final String COMPILER_STATISTICS = "jdk.CompilerStatistics";
    static final String CLASS_LOADING_STATISTICS = "jdk.ClassLoadingStatistics";
    static final String CODE_CACHE_STATISTICS = "jdk.CodeCacheStatistics";
    /** JDK 21 and later only. */
    static final String RESIDENT_SET_SIZE = "jdk.ResidentSetSize";

    private final LatestReadings readings;
    private final Map<String, Long> codeCacheUsedByHeap = new HashMap<>();

    PeriodicEvents(LatestReadings readings) {
        this.readings = readings;
    }

    void onPhysicalMemory(RecordedEvent event) {
        if (!event.hasField("totalSize") || !event.hasField("usedSize")) {
            malformed();
            return;
        }
        readings.physicalTotalBytes = event.getLong("totalSize");
        readings.physicalUsedBytes = event.getLong("usedSize");
    }

    void onCompilerStatistics(RecordedEvent event) {
        if (!event.hasField("compileCount")) {
            malformed();
            return;
        }
        readings.compiledMethods = event.getLong("compileCount");
    }

    void onClassLoadingStatistics(RecordedEvent event) {
        if (!event.hasField("loadedClassCount") || !event.hasField("unloadedClassCount")) {
            malformed();
            return;
        }
        readings.loadedClasses = event.getLong("loadedClassCount");
        readings.unloadedClasses = event.getLong("unloadedClassCount");
    }

    /**
     * Stores one code heap's use and sums all heaps, because JFR sends one event per code heap
     * (three when the code cache is segmented).
     */
    void onCodeCacheStatistics(RecordedEvent event) {
        if (!event.hasField("codeBlobType") || !event.hasField("startAddress")
                || !event.hasField("reservedTopAddress") || !event.hasField("unallocatedCapacity")) {
            malformed();
            return;
        }
        long reserved = event.getLong("reservedTopAddress") - event.getLong("startAddress");
        long used = reserved - event.getLong("unallocatedCapacity");
        codeCacheUsedByHeap.put(event.getString("codeBlobType"), used);
        long total = 0;
        for (long heapUsed : codeCacheUsedByHeap.values()) {
            total += heapUsed;
        }
        readings.codeCacheBytes = total;
    }

    void onResidentSetSize(RecordedEvent event) {
        if (!event.hasField("size")) {
            malformed();
            return;
        }
        readings.jfrRssBytes = event.getLong("size");
    }

    private void malformed() {
        readings.malformedJfrEvents++;
    }
}
