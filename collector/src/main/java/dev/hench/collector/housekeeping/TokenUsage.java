package dev.hench.collector.housekeeping;

/**
 * A run's token counts. A null component means the run file did not contain the field, and it is
 * never read as 0. Schema version 1 has no cache counters, and version 2 may leave them out.
 */
public record TokenUsage(
        long input,
        long output,
        Long cacheCreationInput,
        Long cacheReadInput) {
}
