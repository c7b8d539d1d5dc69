package dev.hench.collector.housekeeping;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compresses one run file into {@code X.json.gz} without ever losing it: the archive is streamed
 * to a temporary name, forced to disk, read back in full and compared (CRC-32, length and parsed
 * summary), renamed atomically over any older archive, and only then is the source removed. On
 * any failure the source stays, the temporary file is removed and the returned outcome names the
 * reason.
 *
 * <p>Not thread-safe: one archiver per runs directory, used by the housekeeping thread only.
 */
final class RunArchiver {

    private static final Logger LOG = LoggerFactory.getLogger(RunArchiver.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final RunFileReader reader;
    private final ReadPacer pacer;
    private final int gzipLevel;

    RunArchiver(RunFileReader reader, ReadPacer pacer, int gzipLevel) {
        this.reader = reader;
        this.pacer = pacer;
        this.gzipLevel = gzipLevel;
    }

    /**
     * Archives {@code source}, whose content was parsed as {@code expected} when its stamp was
     * {@code expectedStamp}.
     */
    Outcome archive(Path source, RunSummary expected, FileStamp expectedStamp) {
        Path archive = RunFileNames.archiveOf(source);
        Path temp = RunFileNames.tempFor(archive);
        try {
            return archiveVia(temp, source, archive, expected, expectedStamp);
        } catch (NoSuchFileException e) {
            deleteTemp(temp);
            LOG.info("skipped archiving {}: it vanished during archival", source);
            return Outcome.VANISHED;
        } catch (IOException | InvalidRunFileException | RuntimeException e) {
            deleteTemp(temp);
            LOG.error("archiving {} failed; the run file stays in place", source, e);
            return Outcome.FAILED;
        }
    }

    private Outcome archiveVia(Path temp, Path source, Path archive, RunSummary expected,
            FileStamp expectedStamp) throws IOException, InvalidRunFileException {
        if (!expectedStamp.equals(FileStamp.of(source))) {
            return skipChanged(source, "before archival");
        }
        CRC32 crc = new CRC32();
        long lengthBytes = compress(source, temp, crc);
        CrashPoints.reach("archive.tempWritten");
        if (!expectedStamp.equals(FileStamp.of(source))) {
            deleteTemp(temp);
            return skipChanged(source, "while it was compressed");
        }
        RunFileReader.Contents readBack = reader.read(temp, true);
        checkReadBack(readBack, crc.getValue(), lengthBytes, expected, source);
        Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        DirectorySync.force(archive.getParent());
        CrashPoints.reach("archive.renamed");
        if (!expectedStamp.equals(FileStamp.of(source))) {
            return skipChanged(source, "after its archive was written; both stay for the next pass");
        }
        Files.delete(source);
        DirectorySync.force(source.getParent());
        return Outcome.ARCHIVED;
    }

    private long compress(Path source, Path temp, CRC32 crc) throws IOException {
        try (InputStream in = new CheckedInputStream(pacer.wrap(Files.newInputStream(source)), crc);
                FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            GZIPOutputStream gzip = new LeveledGzipStream(Channels.newOutputStream(channel),
                    gzipLevel);
            long lengthBytes = in.transferTo(gzip);
            gzip.finish();
            gzip.flush();
            channel.force(true);
            return lengthBytes;
        }
    }

    private static void checkReadBack(RunFileReader.Contents readBack, long crc, long lengthBytes,
            RunSummary expected, Path source) throws IOException {
        if (readBack.crc32() != crc || readBack.lengthBytes() != lengthBytes) {
            throw new IOException("the archive of " + source + " reads back as "
                    + readBack.lengthBytes() + " bytes with CRC-32 "
                    + Long.toHexString(readBack.crc32()) + " instead of "
                    + lengthBytes + " bytes with CRC-32 " + Long.toHexString(crc));
        }
        if (!readBack.summary().equals(expected)) {
            throw new IOException("the archive of " + source + " parses as " + readBack.summary()
                    + " instead of " + expected);
        }
    }

    private static Outcome skipChanged(Path source, String when) {
        LOG.info("skipped archiving {}: it changed {}", source, when);
        return Outcome.CHANGED;
    }

    private static void deleteTemp(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("could not remove temporary archive {}; the next start removes it", temp, e);
        }
    }

    /** A gzip stream with a chosen level; the JDK's GZIPOutputStream uses zlib's default, 6. */
    private static final class LeveledGzipStream extends GZIPOutputStream {
        LeveledGzipStream(OutputStream out, int level) throws IOException {
            super(out, BUFFER_BYTES);
            def.setLevel(level);
        }
    }

    /** Result of one archival. */
    enum Outcome {
        /** The archive is in place and verified, and the source is removed. */
        ARCHIVED,
        /** A writer changed or replaced the file during the operation; nothing was done. */
        CHANGED,
        /** The file disappeared during the operation. */
        VANISHED,
        /** An I/O error or a failed verification; the source is untouched. */
        FAILED
    }
}
