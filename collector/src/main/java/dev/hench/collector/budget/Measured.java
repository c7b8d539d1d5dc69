package dev.hench.collector.budget;

/**
 * A byte count together with where it was read, so that every number the collector publishes
 * can be traced back to a file and key (for example {@code /proc/meminfo:MemAvailable}).
 *
 * @param bytes  the value in bytes, never negative
 * @param source the file path and key, or the API, that produced the value
 */
public record Measured(long bytes, String source) {

    public Measured {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes was " + bytes + " from " + source
                    + " but must not be negative");
        }
    }
}
