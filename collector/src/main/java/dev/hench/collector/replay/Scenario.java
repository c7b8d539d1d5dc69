package dev.hench.collector.replay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One labelled trace of the evaluation corpus, as listed in {@code corpus.json}. Limits are
 * bytes and may be null. A null memory limit means 8 GiB, so that results do not depend on the
 * machine.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Scenario(
        String name,
        String file,
        String description,
        Long heapMaxBytes,
        Long memoryLimitBytes,
        Long metaspaceMaxBytes,
        Expectation expect) {

    static final long DEFAULT_MEMORY_LIMIT_BYTES = 8L << 30;

    ReplayLimits limits() {
        return new ReplayLimits(orAbsent(heapMaxBytes), memoryLimitBytes == null
                ? DEFAULT_MEMORY_LIMIT_BYTES : memoryLimitBytes, orAbsent(metaspaceMaxBytes));
    }

    private static long orAbsent(Long value) {
        return value == null ? dev.hench.collector.signal.Observation.ABSENT : value;
    }

    /**
     * The verdict a scenario must get. Times are seconds since the trace's first observation.
     *
     * @param leak true for a leak scenario
     * @param signals signals (heap, metaspace, native, gc) that must report the leak
     * @param alsoAllowed other signals that may alert without it being a false alarm
     * @param minLevel least level of the detecting alert (information, warning, critical)
     * @param maxLevel for a scenario without a leak, the highest level that is not a false alarm
     * @param leakStartSeconds when the leak starts; time to detect is measured from here
     * @param detectWithinSeconds the time to detect that the scenario allows
     * @param limitReachedAtSeconds when the leak would reach its limit, to check the reported
     *     time to limit
     * @param timeToLimitTolerance allowed relative error of the reported time to limit
     * @param leakStopSeconds when the leak stops
     * @param resolveWithinSeconds how soon after the stop the alert must be resolved
     * @param verdicts verdicts that the robust detector must hold at the end of the trace
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Expectation(
            boolean leak,
            List<String> signals,
            List<String> alsoAllowed,
            String minLevel,
            String maxLevel,
            Double leakStartSeconds,
            Double detectWithinSeconds,
            Double limitReachedAtSeconds,
            Double timeToLimitTolerance,
            Double leakStopSeconds,
            Double resolveWithinSeconds,
            List<ExpectedVerdict> verdicts) {

        public Expectation {
            signals = signals == null ? List.of() : List.copyOf(signals);
            alsoAllowed = alsoAllowed == null ? List.of() : List.copyOf(alsoAllowed);
            verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        }
    }

    /** A verdict that a source must hold at the end of the trace. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExpectedVerdict(String source, String level, String reasonContains) {
    }
}
