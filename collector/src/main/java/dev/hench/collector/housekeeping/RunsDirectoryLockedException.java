package dev.hench.collector.housekeeping;

import java.io.IOException;
import java.nio.file.Path;

/** Another process (or another owner in this one) already owns the runs directory's lock. */
public final class RunsDirectoryLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    RunsDirectoryLockedException(Path lockFile, String holder) {
        super("runs directory " + lockFile.getParent() + " is owned by another collector ("
                + (holder.isBlank() ? "holder unknown" : holder) + ", lock file " + lockFile
                + "); stop that collector or point runs.dir at a different directory");
    }
}
