package dev.hench.collector.housekeeping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The fields housekeeping needs from one run file, checked against a known schema version. The
 * transcript itself is only counted, never kept.
 *
 * @param worker null when the file has no worker field
 * @param model null when the file has no model field
 * @param finishedAt null while the run is running
 * @param turnCount null when the file has no turns field
 */
public record RunSummary(
        int schemaVersion,
        String id,
        String worker,
        String model,
        Instant startedAt,
        Instant finishedAt,
        String status,
        TokenUsage tokenUsage,
        Integer turnCount) {

    public RunSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tokenUsage, "tokenUsage");
    }

    public boolean finished() {
        return finishedAt != null;
    }

    /** Returns the UTC day of {@code finishedAt}, the day the ledger attributes the usage to. */
    public LocalDate finishedDayUtc() {
        return LocalDate.ofInstant(finishedAt, ZoneOffset.UTC);
    }
}
