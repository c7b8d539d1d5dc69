package dev.hench.agent.options;

import java.util.List;

/**
 * The agent's validated settings. Built only by {@link OptionsParser}, so every instance is valid.
 *
 * @param enabled false when the user switched the agent off with {@code enabled=false}
 * @param collector where the collector listens
 * @param workerId worker id sent in {@code hello}
 * @param intervalMillis sampling period of the poller and of the periodic JFR events
 * @param bufferMillis how much sampling time the buffer holds while the collector is away
 * @param jfrEnabled false when JFR streaming is switched off with {@code jfr=false}
 * @param detailEnabled false when {@code detail} requests from the collector are to be ignored
 * @param detailStackDepth maximum stack depth recorded for old-object samples in detail mode
 * @param phaseTargets methods reported as phases; empty when none are configured
 */
public record AgentOptions(
        boolean enabled,
        CollectorAddress collector,
        String workerId,
        long intervalMillis,
        long bufferMillis,
        boolean jfrEnabled,
        boolean detailEnabled,
        int detailStackDepth,
        List<PhaseTarget> phaseTargets) {

    /**
     * Returns the number of message slots in the buffer: two per sampling interval over
     * {@code bufferMillis}, so the periodic sample and about one GC event per interval fit.
     */
    public int bufferSlots() {
        long samples = Math.max(1, bufferMillis / intervalMillis);
        return (int) Math.min(OptionsParser.MAX_BUFFER_SLOTS, Math.max(OptionsParser.MIN_BUFFER_SLOTS, 2 * samples));
    }
}
