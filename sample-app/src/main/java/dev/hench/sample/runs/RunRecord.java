package dev.hench.sample.runs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run as a worker describes it in its run file.
 *
 * @param schemaVersion 1 (no cache counters, {@code turns} is a number) or 2
 * @param finishedAt null while the run is running
 * @param cacheCreationInputTokens null to leave the field out of the file
 * @param cacheReadInputTokens null to leave the field out of the file
 * @param turns one transcript text per turn; schema 1 writes only their count
 */
public record RunRecord(
        int schemaVersion,
        String id,
        String worker,
        String model,
        Instant startedAt,
        Instant finishedAt,
        RunStatus status,
        long inputTokens,
        long outputTokens,
        Long cacheCreationInputTokens,
        Long cacheReadInputTokens,
        List<String> turns) {

    public RunRecord {
        if (schemaVersion != 1 && schemaVersion != 2) {
            throw new IllegalArgumentException("schemaVersion was " + schemaVersion
                    + " but must be 1 or 2");
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        if ((finishedAt == null) != (status == RunStatus.RUNNING)) {
            throw new IllegalArgumentException("run " + id + " has status " + status
                    + " and finishedAt " + finishedAt
                    + "; a running run has no finishedAt and a finished one has one");
        }
        turns = List.copyOf(turns);
    }

    /** Returns this run with one more turn and the given token counts added. */
    public RunRecord withTurn(String transcript, long addedInput, long addedOutput) {
        List<String> more = new java.util.ArrayList<>(turns);
        more.add(transcript);
        return new RunRecord(schemaVersion, id, worker, model, startedAt, finishedAt, status,
                inputTokens + addedInput, outputTokens + addedOutput,
                cacheCreationInputTokens, cacheReadInputTokens, more);
    }

    /** Returns this run finished at {@code when} with {@code finalStatus}. */
    public RunRecord finish(Instant when, RunStatus finalStatus) {
        if (finalStatus == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a finished run needs a final status, not RUNNING");
        }
        return new RunRecord(schemaVersion, id, worker, model, startedAt, when, finalStatus,
                inputTokens, outputTokens, cacheCreationInputTokens, cacheReadInputTokens, turns);
    }
}
