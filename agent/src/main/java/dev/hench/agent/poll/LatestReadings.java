package dev.hench.agent.poll;

import dev.hench.agent.wire.JsonWriter;

/**
 * Latest values delivered by the JFR stream (or, without JFR, by the memory pool fallback) and the
 * agent's error counters, read by the sampler at each poll. Every value field starts
 * {@link JsonWriter#ABSENT} and stays so until its first reading arrives, or for good when neither
 * JFR nor the fallback provides it.
 *
 * <p>One writer per field and one reader (the sampler); each field is volatile on its own,
 * so a sample may mix values of two successive JFR flushes, which is harmless for monitoring.
 */
public final class LatestReadings {

    public volatile long metaspaceUsedBytes = JsonWriter.ABSENT;
    public volatile long metaspaceCommittedBytes = JsonWriter.ABSENT;
    public volatile long metaspaceMaxBytes = JsonWriter.ABSENT;
    public volatile long codeCacheBytes = JsonWriter.ABSENT;
    public volatile long compiledMethods = JsonWriter.ABSENT;
    public volatile long loadedClasses = JsonWriter.ABSENT;
    public volatile long unloadedClasses = JsonWriter.ABSENT;
    public volatile long physicalTotalBytes = JsonWriter.ABSENT;
    public volatile long physicalUsedBytes = JsonWriter.ABSENT;
    public volatile long jfrRssBytes = JsonWriter.ABSENT;

    /** JFR events dropped because a field was missing or had an unexpected type; JFR thread only writes. */
    public volatile long malformedJfrEvents;
    /** Collector messages of unknown type; the sender thread only writes. */
    public volatile long unknownCollectorMessages;
}
