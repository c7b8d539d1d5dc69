package dev.hench.collector.leak;

import dev.hench.collector.signal.Observation;

/**
 * Native memory outside the JVM's own accounted areas: RSS minus committed heap, metaspace, code
 * cache and direct buffers. Heap expansion raises RSS and committed heap together, so it leaves
 * this value flat.
 *
 * <p>NOTE: with ZGC before generational mode (JDK 17 to 20, and 21 to 22 without
 * -XX:+ZGenerational) RSS counts each heap page once per heap view (three views), so this value
 * grows with the heap's used pages until they have all been touched. Recorded traces show it:
 * 480 MiB of "native" for a 238 MiB heap. A heap leak on such a JVM is then also reported as
 * native growth; the detector does not know the collector's name to correct for it.
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
