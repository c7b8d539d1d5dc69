package dev.hench.collector.admission;

import dev.hench.collector.budget.MemoryBudget;
import java.util.List;

/**
 * One admission decision and everything it was based on.
 *
 * @param level                the level after thresholds, hysteresis and pressure
 * @param verdict              what a launcher should do with its next worker now
 * @param reasons              why, one sentence each; never empty
 * @param budget               the budget reading the decision used
 * @param reservedBytes        bytes still held for admitted workers not yet seen in the readings
 * @param availableBytes       available memory less {@code reservedBytes}, or -1 when unknown
 * @param usedShare            1 - availableBytes / budget, or NaN when unknown
 * @param nextWorkerBytes      the size the next worker is expected to reach, or -1 when unknown
 * @param nextWorkerSource     where {@code nextWorkerBytes} came from
 * @param decidedAtMillis      when the decision was made, milliseconds since the epoch
 */
public record AdmissionDecision(AdmissionLevel level, Verdict verdict, List<String> reasons,
        MemoryBudget budget, long reservedBytes, long availableBytes, double usedShare,
        long nextWorkerBytes, String nextWorkerSource, long decidedAtMillis) {

    public AdmissionDecision {
        reasons = List.copyOf(reasons);
    }
}
