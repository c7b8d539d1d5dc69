package dev.hench.collector.housekeeping;

import java.nio.file.Path;
import java.time.Instant;

/** A run inside the warning window: retention deletes it at {@code deletionDue} or after. */
public record ExpiringRun(Path file, String id, Instant finishedAt, Instant deletionDue) {
}
