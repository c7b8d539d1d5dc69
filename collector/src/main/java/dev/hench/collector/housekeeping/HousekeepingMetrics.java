package dev.hench.collector.housekeeping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The housekeeping meters: counters of what passes did, and gauges of the state after the last
 * pass (quarantined files, runs in the warning window, runs in the usage ledger).
 */
final class HousekeepingMetrics {

    private final Counter archived;
    private final Counter deleted;
    private final Counter skipped;
    private final Counter failures;
    private final Counter recorded;
    private final AtomicLong quarantined = new AtomicLong();
    private final AtomicLong expiring = new AtomicLong();
    private final AtomicLong ledgerRuns = new AtomicLong();

    HousekeepingMetrics(MeterRegistry registry) {
        archived = Counter.builder("hench.housekeeping.runs.archived")
                .description("Run files compressed, verified and replaced by their archive")
                .register(registry);
        deleted = Counter.builder("hench.housekeeping.files.deleted")
                .description("Run files and archives deleted by retention").register(registry);
        skipped = Counter.builder("hench.housekeeping.files.skipped")
                .description("Operations skipped because the file vanished or changed")
                .register(registry);
        failures = Counter.builder("hench.housekeeping.failures")
                .description("Archivals or deletions that failed; the file stays")
                .register(registry);
        recorded = Counter.builder("hench.housekeeping.ledger.recorded")
                .description("Finished runs added to the usage ledger").register(registry);
        Gauge.builder("hench.housekeeping.files.quarantined", quarantined, AtomicLong::get)
                .description("Files in the runs directory that match no known run-file schema")
                .register(registry);
        Gauge.builder("hench.housekeeping.runs.expiring", expiring, AtomicLong::get)
                .description("Runs inside the warning window before retention deletes them")
                .register(registry);
        Gauge.builder("hench.housekeeping.ledger.runs", ledgerRuns, AtomicLong::get)
                .description("Runs recorded in the usage ledger").register(registry);
    }

    void update(PassReport report, int ledgerSize) {
        archived.increment(report.archived());
        deleted.increment(report.deleted());
        skipped.increment(report.skipped());
        failures.increment(report.failures());
        recorded.increment(report.newlyRecorded());
        quarantined.set(report.quarantined().size());
        if (report.full) {
            expiring.set(report.expiring().size());
        }
        ledgerRuns.set(ledgerSize);
    }
}
