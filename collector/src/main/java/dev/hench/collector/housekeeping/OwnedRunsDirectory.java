package dev.hench.collector.housekeeping;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runs directory while this process owns its lock: the usage ledger, what has been read from
 * the files, and the passes over them. Closing it releases the lock. Not thread-safe: one thread
 * at a time calls {@link #recover()} and {@link #pass}.
 */
final class OwnedRunsDirectory implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(OwnedRunsDirectory.class);

    private final Path directory;
    private final RunsDirectoryLock lock;
    private final UsageLedger ledger;
    private final RunCatalog catalog;
    private final RunArchiver archiver;
    private final HousekeepingPass pass;

    private OwnedRunsDirectory(Path directory, HousekeepingSettings settings,
            RunsDirectoryLock lock, UsageLedger ledger) {
        this.directory = directory;
        this.lock = lock;
        this.ledger = ledger;
        ReadPacer pacer = new ReadPacer(settings.maxReadMiBPerSecond());
        RunFileReader reader = new RunFileReader(pacer);
        this.catalog = new RunCatalog(reader);
        this.archiver = new RunArchiver(reader, pacer, settings.archivalGzipLevel());
        this.pass = new HousekeepingPass(directory, settings, ledger, catalog, archiver);
    }

    /**
     * Takes the directory's lock and opens its usage ledger.
     *
     * @throws RunsDirectoryLockedException when another collector owns the directory
     * @throws IOException when the directory or the ledger cannot be used
     */
    static OwnedRunsDirectory open(HousekeepingSettings settings) throws IOException {
        Path directory = settings.runsDirectory();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IOException("runs directory '" + directory + "' does not exist or is not a "
                    + "directory; set runs.dir (or --runs) to the directory workers write to");
        }
        RunsDirectoryLock lock = RunsDirectoryLock.acquire(directory);
        try {
            return new OwnedRunsDirectory(directory, settings, lock,
                    UsageLedger.openForAppend(directory));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Repairs what a crash can leave behind: removes temporary archives, reads every archive back
     * in full and rebuilds a damaged one from its source when the source still exists.
     *
     * @return how many archives were rebuilt
     */
    int recover() throws IOException {
        int rebuilt = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path file : stream) {
                if (RunFileNames.isTemp(file)) {
                    Files.deleteIfExists(file);
                    LOG.info("removed temporary archive {} left by an interrupted archival", file);
                } else if (RunFileNames.isArchive(file) && rebuildIfDamaged(file)) {
                    rebuilt++;
                }
            }
        }
        return rebuilt;
    }

    private boolean rebuildIfDamaged(Path archive) throws IOException {
        RunCatalog.Entry entry = catalog.lookup(archive);
        if (entry == null || entry.summary() != null) {
            return false;
        }
        Path source = RunFileNames.sourceOf(archive);
        RunCatalog.Entry sourceEntry = catalog.lookup(source);
        if (sourceEntry == null || sourceEntry.summary() == null || !sourceEntry.summary().finished()) {
            LOG.error("archive {} is damaged ({}) and has no usable source {}; it stays "
                    + "quarantined", archive, entry.problem(), source);
            return false;
        }
        ledger.record(sourceEntry.summary());
        RunArchiver.Outcome outcome = archiver.archive(source, sourceEntry.summary(),
                sourceEntry.stamp());
        catalog.forget(archive);
        catalog.forget(source);
        LOG.info("rebuilt damaged archive {} from {}: {}", archive, source, outcome);
        return outcome == RunArchiver.Outcome.ARCHIVED;
    }

    PassReport pass(Instant now, boolean full) throws IOException {
        return pass.run(now, full);
    }

    int ledgerSize() {
        return ledger.size();
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        try {
            ledger.close();
        } finally {
            lock.close();
        }
    }
}
