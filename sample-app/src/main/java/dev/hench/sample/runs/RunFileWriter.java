package dev.hench.sample.runs;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes run files the way workers do: {@code <id>.json} in the runs directory, rewritten in full
 * each time the run progresses. Each write goes to a temporary file in the same directory that is
 * then renamed over the run file atomically, so a reader sees either the old or the new content.
 *
 * <p>The JSON is written by hand because the sample app has no JSON library. Thread-safe: each
 * call works on its own temporary file.
 */
public final class RunFileWriter {

    /** Suffix of the writer's temporary files; housekeeping ignores files that do not end in .json. */
    public static final String TEMP_SUFFIX = ".writing";

    private final Path runsDirectory;

    public RunFileWriter(Path runsDirectory) {
        this.runsDirectory = runsDirectory;
    }

    /** Returns the path of the run file for {@code runId}. */
    public Path pathOf(String runId) {
        return runsDirectory.resolve(runId + ".json");
    }

    /**
     * Writes {@code run} to its run file, replacing the previous version atomically.
     *
     * @return the run file
     */
    public Path write(RunRecord run) throws IOException {
        Path target = pathOf(run.id());
        Path temp = runsDirectory.resolve("." + run.id() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX);
        try {
            writeJson(temp, run);
            moveOver(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    private static void writeJson(Path temp, RunRecord run) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
                Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
            RunJson.write(run, out);
            out.flush();
            channel.force(true);
        }
    }

    private static void moveOver(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + target.getParent()
                    + " cannot rename atomically; run files must live on a local file system", e);
        }
    }
}
