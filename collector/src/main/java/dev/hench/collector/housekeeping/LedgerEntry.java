package dev.hench.collector.housekeeping;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the usage ledger: a finished run's usage, attributed to the UTC day it finished.
 *
 * @param worker null when the run file had no worker
 * @param model null when the run file had no model
 */
public record LedgerEntry(
        String id,
        LocalDate dayUtc,
        Instant finishedAt,
        String worker,
        String model,
        String status,
        TokenUsage usage) {

    static LedgerEntry of(RunSummary run) {
        return new LedgerEntry(run.id(), run.finishedDayUtc(), run.finishedAt(), run.worker(),
                run.model(), run.status(), run.tokenUsage());
    }
}
