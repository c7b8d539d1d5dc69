package dev.hench.collector.housekeeping;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A read-only look at a runs directory: which runs are in the warning window and which files are
 * quarantined. It changes nothing, so it needs no lock; files that vanish while it reads are left
 * out.
 */
record RunsListing(List<ExpiringRun> expiring, Map<Path, String> quarantined) {

    static RunsListing read(Path directory, Instant now, HousekeepingSettings settings)
            throws IOException {
        // The listing reports quarantined files itself. A WARN line per file would also land on
        // standard output (the console appender's target) and break the output of --json.
        RunCatalog catalog = new RunCatalog(new RunFileReader(new ReadPacer(0)), false);
        List<ExpiringRun> expiring = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            for (Path file : stream) {
                if (!RunFileNames.isRun(file) && !RunFileNames.isArchive(file)) {
                    continue;
                }
                RunCatalog.Entry entry = catalog.lookup(file);
                RunSummary run = entry == null ? null : entry.summary();
                if (run != null && run.finished()
                        && settings.inWarningWindow(now, run.finishedAt())) {
                    expiring.add(new ExpiringRun(file, run.id(), run.finishedAt(),
                            settings.deletionDue(run.finishedAt())));
                }
            }
        }
        expiring.sort(Comparator.comparing(ExpiringRun::deletionDue)
                .thenComparing(ExpiringRun::id));
        return new RunsListing(expiring, new TreeMap<>(catalog.quarantined()));
    }
}
