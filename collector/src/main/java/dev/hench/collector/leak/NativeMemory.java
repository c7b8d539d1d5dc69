package dev.hench.collector.leak;

import dev.hench.collector.signal.Observation;

/**
 * Native memory outside the JVM's own accounted areas: RSS minus committed heap, metaspace, code
 * cache and direct buffers. Heap expansion raises RSS and committed heap together, so it leaves
 * this value flat.
 */
final class NativeMemory {

    private NativeMemory() {
    }

    /** Returns the native bytes of a sample, or ABSENT when any part is missing. */
    static long otherBytes(Observation sample) {
        long[] parts = {sample.rssBytes(), sample.heapCommittedBytes(), sample.metaspaceBytes(),
            sample.codeCacheBytes(), sample.directBytes()};
        for (long part : parts) {
            if (!Observation.isPresent(part)) {
                return Observation.ABSENT;
            }
        }
        return parts[0] - parts[1] - parts[2] - parts[3] - parts[4];
    }

    /** Names the parts of the native formula that the sample lacks. */
    static String missingParts(Observation sample) {
        StringBuilder missing = new StringBuilder();
        appendIfAbsent(missing, sample.rssBytes(), "RSS");
        appendIfAbsent(missing, sample.heapCommittedBytes(), "committed heap");
        appendIfAbsent(missing, sample.metaspaceBytes(), "metaspace");
        appendIfAbsent(missing, sample.codeCacheBytes(), "code cache");
        appendIfAbsent(missing, sample.directBytes(), "direct buffers");
        return missing.length() == 0 ? "nothing" : missing.toString();
    }

    private static void appendIfAbsent(StringBuilder missing, long value, String name) {
        if (!Observation.isPresent(value)) {
            if (missing.length() > 0) {
                missing.append(", ");
            }
            missing.append(name);
        }
    }
}
