package dev.hench.collector.housekeeping;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forces a directory's entries (renames, creations, deletions) to disk. */
final class DirectorySync {

    private DirectorySync() {
    }

    /**
     * Forces {@code directory} to disk so that a rename is durable before the next step relies on
     * it. Linux supports fsync on a directory opened for reading; where the platform rejects it
     * the IOException propagates and the caller leaves the source in place.
     */
    static void force(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
