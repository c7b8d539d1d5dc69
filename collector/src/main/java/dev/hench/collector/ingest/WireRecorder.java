package dev.hench.collector.ingest;

import dev.hench.collector.signal.WorkerKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes every wire line that agents send into {@code DIR/WORKER-SESSION.jsonl}, starting with
 * the {@code hello}, exactly as received. A session that reconnects appends to its file, so the
 * file may hold repeated {@code hello} lines and resent messages; a reader drops lines whose
 * {@code seq} it has already seen, as the collector does. Lines of a connection that is closed
 * for bad input are not written.
 */
public final class WireRecorder {

    private final Path dir;

    /** Creates {@code dir} when missing. */
    public WireRecorder(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Opens the file of one session for appending; the caller closes it. */
    SessionFile open(WorkerKey worker) throws IOException {
        Path file = dir.resolve(fileName(worker));
        OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new SessionFile(file, new BufferedOutputStream(out, 64 * 1024));
    }

    /** Returns {@code WORKER-SESSION.jsonl} with characters outside {@code [A-Za-z0-9._-]} replaced. */
    static String fileName(WorkerKey worker) {
        return safe(worker.workerId()) + "-" + safe(worker.sessionId()) + ".jsonl";
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** One session's open record file. Not thread-safe: the connection's reader thread owns it. */
    static final class SessionFile implements AutoCloseable {
        private final Path path;
        private final OutputStream out;

        private SessionFile(Path path, OutputStream out) {
            this.path = path;
            this.out = out;
        }

        Path path() {
            return path;
        }

        void write(byte[] line, int offset, int length) throws IOException {
            out.write(line, offset, length);
            out.write('\n');
        }

        void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
