package dev.hench.collector.housekeeping;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a run file or an archive in full: decompresses an archive to its end (so that gzip checks
 * its own trailer), computes the CRC-32 and length of the run file's bytes and parses them.
 */
final class RunFileReader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final RunFileParser parser = new RunFileParser();
    private final ReadPacer pacer;

    RunFileReader(ReadPacer pacer) {
        this.pacer = pacer;
    }

    /** A run file read in full. */
    record Contents(RunSummary summary, long crc32, long lengthBytes) {
    }

    /**
     * Reads {@code file}, decompressing it when it is an archive.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws InvalidRunFileException when the content matches no schema
     * @throws IOException when reading or decompressing fails, for example a damaged archive
     */
    Contents read(Path file) throws IOException, InvalidRunFileException {
        return read(file, RunFileNames.isArchive(file));
    }

    /** Reads {@code file}, decompressing it when {@code compressed}, whatever its name. */
    Contents read(Path file, boolean compressed) throws IOException, InvalidRunFileException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream plain = compressed ? new GZIPInputStream(raw, BUFFER_BYTES) : raw) {
            CRC32 crc = new CRC32();
            CountingCheckedStream in = new CountingCheckedStream(pacer.wrap(plain), crc);
            RunSummary summary = parser.parse(in);
            in.transferTo(OutputStream.nullOutputStream());
            return new Contents(summary, crc.getValue(), in.count);
        }
    }

    /** Checksums and counts the bytes passing through; closing it does not close the source. */
    private static final class CountingCheckedStream extends CheckedInputStream {
        long count;

        CountingCheckedStream(InputStream in, CRC32 crc) {
            super(in, crc);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // The parser closes its source when done, but the caller still drains it to the end.
        }
    }
}
