package dev.hench.collector.housekeeping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cache of the parsed content of each file in the runs directory, keyed by path. An entry is valid
 * as long as the file's {@link FileStamp} is unchanged, so frequent passes read only new and
 * changed files. Files that match no schema are kept here as quarantined and logged once per
 * version. Not thread-safe: used by the housekeeping thread only.
 */
final class RunCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(RunCatalog.class);

    private final RunFileReader reader;
    private final Map<Path, Entry> entries = new HashMap<>();
    private final boolean logQuarantined;

    /** Creates a catalog that logs each quarantined file version at WARN. */
    RunCatalog(RunFileReader reader) {
        this(reader, true);
    }

    /**
     * Creates a catalog that logs quarantined files at WARN, or at DEBUG only when
     * {@code logQuarantined} is false, for callers that list them in their own output.
     */
    RunCatalog(RunFileReader reader, boolean logQuarantined) {
        this.reader = reader;
        this.logQuarantined = logQuarantined;
    }

    /**
     * Returns what {@code file} contains now, reading it when it is new or changed, or null when
     * it vanished or changed while it was read.
     */
    Entry lookup(Path file) throws IOException {
        FileStamp before = FileStamp.of(file);
        if (before == null) {
            entries.remove(file);
            return null;
        }
        Entry known = entries.get(file);
        if (known != null && known.stamp().equals(before)) {
            return known;
        }
        Entry fresh = read(file, before);
        if (fresh == null || !before.equals(FileStamp.of(file))) {
            LOG.debug("skipped {} in this pass: it vanished or changed while it was read", file);
            entries.remove(file);
            return null;
        }
        entries.put(file, fresh);
        if (fresh.summary() == null && logQuarantined) {
            LOG.warn("quarantined {}: it matches no known run-file schema ({}); housekeeping "
                    + "leaves it in place and does not count its usage", file, fresh.problem());
        } else if (fresh.summary() == null) {
            LOG.debug("quarantined {}: {}", file, fresh.problem());
        }
        return fresh;
    }

    private Entry read(Path file, FileStamp stamp) throws IOException {
        try {
            RunFileReader.Contents contents = reader.read(file);
            return new Entry(stamp, contents.summary(), null);
        } catch (NoSuchFileException e) {
            return null;
        } catch (InvalidRunFileException e) {
            return new Entry(stamp, null, e.getMessage());
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            return new Entry(stamp, null, "damaged archive: " + e.getMessage());
        }
    }

    /** Caches {@code summary} as the content of {@code file} as it is now. */
    void remember(Path file, RunSummary summary) throws IOException {
        FileStamp stamp = FileStamp.of(file);
        if (stamp != null) {
            entries.put(file, new Entry(stamp, summary, null));
        }
    }

    void forget(Path file) {
        entries.remove(file);
    }

    /** Drops entries of files that are neither in {@code listed} nor on disk any more. */
    void dropMissing(Set<Path> listed) {
        entries.keySet().removeIf(file -> !listed.contains(file) && !Files.exists(file));
    }

    /** Returns the quarantined entries by path. */
    Map<Path, String> quarantined() {
        Map<Path, String> result = new HashMap<>();
        entries.forEach((path, entry) -> {
            if (entry.summary() == null) {
                result.put(path, entry.problem());
            }
        });
        return result;
    }

    Collection<Entry> all() {
        return entries.values();
    }

    /**
     * One file's content as last read.
     *
     * @param summary null when the file is quarantined
     * @param problem why the file is quarantined, null otherwise
     */
    record Entry(FileStamp stamp, RunSummary summary, String problem) {
    }
}
