package dev.hench.collector.housekeeping;

import java.nio.file.Path;

/**
 * The names housekeeping uses inside a runs directory. Workers write {@code <id>.json}; the
 * archive of {@code X.json} is {@code X.json.gz}. Names starting with a dot belong to writers or
 * to housekeeping (temporary files, the lock, the ledger) and are never treated as runs.
 */
final class RunFileNames {

    static final String RUN_SUFFIX = ".json";
    static final String ARCHIVE_SUFFIX = ".json.gz";
    /** Suffix of archives being written; leftovers are removed on start. */
    static final String TEMP_SUFFIX = ".hench-tmp";
    static final String LOCK_FILE = ".hench-housekeeping.lock";
    static final String LEDGER_FILE = ".hench-usage-ledger.jsonl";

    private RunFileNames() {
    }

    static boolean isRun(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && name.endsWith(RUN_SUFFIX);
    }

    static boolean isArchive(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && name.endsWith(ARCHIVE_SUFFIX);
    }

    static boolean isTemp(Path file) {
        return file.getFileName().toString().endsWith(TEMP_SUFFIX);
    }

    static Path archiveOf(Path run) {
        return run.resolveSibling(run.getFileName() + ".gz");
    }

    static Path sourceOf(Path archive) {
        String name = archive.getFileName().toString();
        return archive.resolveSibling(name.substring(0, name.length() - ".gz".length()));
    }

    static Path tempFor(Path archive) {
        return archive.resolveSibling("." + archive.getFileName() + TEMP_SUFFIX);
    }
}
