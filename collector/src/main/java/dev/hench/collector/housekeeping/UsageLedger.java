package dev.hench.collector.housekeeping;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only record of every finished run's token usage, one JSON line per run in
 * {@code .hench-usage-ledger.jsonl} inside the runs directory. Each append is forced to disk
 * before {@link #record} returns, and a run id is recorded at most once, so a restart or a second
 * look at the same run never counts it twice.
 *
 * <p>A crash can leave a torn last line (no newline). Opening the ledger for writing cuts it off;
 * the run it described is still on disk, because housekeeping records a run before it archives or
 * deletes it, and is recorded again by the next pass. Only the owner of the runs directory's lock
 * may open the ledger for writing. Thread-safe.
 */
public final class UsageLedger implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageLedger.class);

    private final Path file;
    private final FileChannel channel;
    private final Set<String> recordedIds = new HashSet<>();

    private UsageLedger(Path file, FileChannel channel, List<LedgerEntry> entries) {
        this.file = file;
        this.channel = channel;
        entries.forEach(entry -> recordedIds.add(entry.id()));
    }

    /**
     * Opens the ledger of {@code runsDirectory} for appending, creating it when missing and
     * cutting off a torn last line.
     *
     * @throws IOException when the ledger cannot be read, or a complete line in it is invalid
     */
    public static UsageLedger openForAppend(Path runsDirectory) throws IOException {
        Path file = runsDirectory.resolve(RunFileNames.LEDGER_FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            Contents contents = Contents.parse(file, Files.readAllBytes(file));
            if (contents.completeBytes < channel.size()) {
                LOG.warn("usage ledger {} ended in a torn line of {} bytes after a crash; cutting "
                        + "it off, the run it described is recorded again from its run file",
                        file, channel.size() - contents.completeBytes);
                channel.truncate(contents.completeBytes);
                channel.force(true);
            }
            channel.position(contents.completeBytes);
            return new UsageLedger(file, channel, contents.entries);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads every complete entry of the ledger of {@code runsDirectory}, without changing it. */
    public static List<LedgerEntry> read(Path runsDirectory) throws IOException {
        Path file = runsDirectory.resolve(RunFileNames.LEDGER_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        return Contents.parse(file, Files.readAllBytes(file)).entries;
    }

    public synchronized boolean contains(String runId) {
        return recordedIds.contains(runId);
    }

    public synchronized int size() {
        return recordedIds.size();
    }

    /**
     * Appends {@code run}'s usage and forces it to disk, unless the run id is already recorded.
     *
     * @return true when this call recorded the run
     * @throws IllegalArgumentException when the run has not finished
     */
    public synchronized boolean record(RunSummary run) throws IOException {
        if (!run.finished()) {
            throw new IllegalArgumentException("run " + run.id() + " is still running; only "
                    + "finished runs go into the usage ledger");
        }
        if (recordedIds.contains(run.id())) {
            return false;
        }
        ByteBuffer line = ByteBuffer.wrap(LedgerCodec.encodeLine(LedgerEntry.of(run)));
        if (CrashPoints.armed("ledger.halfLine")) {
            line.limit(line.capacity() / 2);
            writeFully(line);
            channel.force(true);
            CrashPoints.reach("ledger.halfLine");
            line.limit(line.capacity());
        }
        writeFully(line);
        channel.force(true);
        recordedIds.add(run.id());
        return true;
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return file.toString();
    }

    /** The complete lines of a ledger file and where the last one ends. */
    private record Contents(List<LedgerEntry> entries, long completeBytes) {

        static Contents parse(Path file, byte[] bytes) throws IOException {
            List<LedgerEntry> entries = new ArrayList<>();
            int lineStart = 0;
            int lineNumber = 1;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
                    entries.add(decode(file, lineNumber, line));
                    lineStart = i + 1;
                    lineNumber++;
                }
            }
            return new Contents(entries, lineStart);
        }

        private static LedgerEntry decode(Path file, int lineNumber, String line)
                throws IOException {
            try {
                return LedgerCodec.decodeLine(line);
            } catch (IOException | RuntimeException e) {
                throw new IOException("usage ledger " + file + " line " + lineNumber
                        + " is invalid (" + e.getMessage() + "); restore the ledger from a backup "
                        + "or remove that line and let housekeeping re-record the run", e);
            }
        }
    }
}
