package dev.hench.collector.housekeeping;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One walk over a runs directory that finishes each file before moving to the next. It records a
 * finished run in the usage ledger first. Then it deletes the run when retention is due, or else
 * archives it when archival is due, and notes it when it is inside the warning window. Because
 * one thread does all of this, the archiver and retention never work on the same file at once,
 * and a run is always in the ledger before it is archived or deleted.
 *
 * <p>Not thread-safe; the owner of the runs directory's lock runs passes one at a time.
 */
final class HousekeepingPass {

    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingPass.class);

    private final Path runsDirectory;
    private final HousekeepingSettings settings;
    private final UsageLedger ledger;
    private final RunCatalog catalog;
    private final RunArchiver archiver;

    HousekeepingPass(Path runsDirectory, HousekeepingSettings settings, UsageLedger ledger,
            RunCatalog catalog, RunArchiver archiver) {
        this.runsDirectory = runsDirectory;
        this.settings = settings;
        this.ledger = ledger;
        this.catalog = catalog;
        this.archiver = archiver;
    }

    /**
     * Walks the directory once. A ledger-only pass ({@code full} false) records newly finished
     * runs and touches nothing else; a full pass also archives, deletes and lists expiring runs.
     */
    PassReport run(Instant now, boolean full) throws IOException {
        PassReport report = new PassReport(now, full);
        List<Path> files = listRunsAndArchives();
        for (Path file : files) {
            handleOrReport(file, report);
        }
        catalog.dropMissing(new HashSet<>(files));
        report.quarantined.putAll(catalog.quarantined());
        return report;
    }

    private List<Path> listRunsAndArchives() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(runsDirectory)) {
            for (Path file : stream) {
                boolean candidate = RunFileNames.isRun(file) || RunFileNames.isArchive(file);
                if (candidate && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        }
        // X.json sorts before X.json.gz, so a source left next to its archive is handled first.
        files.sort(null);
        return files;
    }

    /**
     * Handles one file; an I/O error on it is logged and counted, and the pass goes on with the
     * next file. The error stops this file's steps, so a run whose ledger append failed is
     * neither archived nor deleted.
     */
    private void handleOrReport(Path file, PassReport report) {
        try {
            handle(file, report);
        } catch (IOException e) {
            LOG.error("housekeeping of {} failed; it stays as it is for the next pass", file, e);
            report.failures++;
        }
    }

    private void handle(Path file, PassReport report) throws IOException {
        RunCatalog.Entry entry = catalog.lookup(file);
        if (entry == null) {
            report.skipped++;
            return;
        }
        RunSummary run = entry.summary();
        if (run == null) {
            return;
        }
        report.runsSeen++;
        if (!run.finished()) {
            report.running++;
            return;
        }
        noteDuplicateId(file, run, report);
        if (ledger.record(run)) {
            report.newlyRecorded++;
        }
        if (report.full) {
            expireOrArchive(file, entry, report);
        }
    }

    private static void noteDuplicateId(Path file, RunSummary run, PassReport report) {
        Path runFile = RunFileNames.isArchive(file) ? RunFileNames.sourceOf(file) : file;
        Path first = report.fileByRunId.putIfAbsent(run.id(), runFile);
        if (first != null && !first.equals(runFile)) {
            report.duplicateIds++;
            LOG.warn("run id {} is in both {} and {}; the usage ledger keeps only the usage it recorded "
                    + "first, so give the second run an id of its own", run.id(), first.getFileName(),
                    file.getFileName());
        }
    }

    private void expireOrArchive(Path file, RunCatalog.Entry entry, PassReport report)
            throws IOException {
        Instant finishedAt = entry.summary().finishedAt();
        if (settings.deletionDueBy(report.now, finishedAt)) {
            delete(file, entry, report);
            return;
        }
        Path current = file;
        if (RunFileNames.isRun(file) && settings.archivalDueBy(report.now, finishedAt)
                && archive(file, entry, report)) {
            current = RunFileNames.archiveOf(file);
        }
        if (settings.inWarningWindow(report.now, finishedAt)) {
            report.expiring.add(new ExpiringRun(current, entry.summary().id(), finishedAt,
                    settings.deletionDue(finishedAt)));
        }
    }

    /** Archives {@code file} and returns whether its archive replaced it. */
    private boolean archive(Path file, RunCatalog.Entry entry, PassReport report)
            throws IOException {
        Path archive = RunFileNames.archiveOf(file);
        RunArchiver.Outcome outcome = archiver.archive(file, entry.summary(), entry.stamp());
        catalog.forget(file);
        switch (outcome) {
            case ARCHIVED -> {
                report.archived++;
                report.archivedSourceBytes += entry.stamp().sizeBytes();
                report.archivedCompressedBytes += Files.size(archive);
                // The archive was just read back in full; caching it spares the next pass a read.
                catalog.remember(archive, entry.summary());
            }
            case CHANGED, VANISHED -> report.skipped++;
            case FAILED -> report.failures++;
        }
        return outcome == RunArchiver.Outcome.ARCHIVED;
    }

    private void delete(Path file, RunCatalog.Entry entry, PassReport report) {
        try {
            if (!entry.stamp().equals(FileStamp.of(file))) {
                LOG.info("skipped deleting {}: it vanished or changed since it was read", file);
                report.skipped++;
                return;
            }
            CrashPoints.reach("retention.beforeDelete");
            Files.delete(file);
            catalog.forget(file);
            report.deleted++;
            LOG.info("deleted {} (run {} finished {}, retention {} days)", file,
                    entry.summary().id(), entry.summary().finishedAt(),
                    settings.retentionMaxAgeDays());
        } catch (NoSuchFileException e) {
            LOG.info("skipped deleting {}: it vanished before deletion", file);
            report.skipped++;
        } catch (IOException e) {
            LOG.error("deleting expired run file {} failed; it stays for the next pass", file, e);
            report.failures++;
        }
    }
}
