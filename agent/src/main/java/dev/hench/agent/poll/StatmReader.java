package dev.hench.agent.poll;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.hench.agent.wire.JsonWriter;

/**
 * Reads the process's resident set size from {@code /proc/self/statm} without allocating: one
 * positioned read into a reused direct buffer and digit-by-digit parsing of the second field
 * (resident pages).
 *
 * <p>statm counts pages. The page size is measured once, at open, by comparing statm with the
 * {@code VmRSS} line of {@code /proc/self/status} (which is in kB) and rounding to a power of two;
 * when that fails the reader assumes 4096 bytes, the page size of x86-64 and of most arm64 kernels.
 *
 * <p>Used by the sampler thread only; not thread-safe.
 */
public final class StatmReader implements AutoCloseable {

    static final long DEFAULT_PAGE_SIZE_BYTES = 4096;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(256);
    private final long pageSizeBytes;

    private StatmReader(FileChannel channel, long pageSizeBytes) {
        this.channel = channel;
        this.pageSizeBytes = pageSizeBytes;
    }

    /** Opens the reader, or returns null when {@code statm} cannot be read (not Linux). */
    public static StatmReader open(Path statm, Path status) {
        try {
            FileChannel channel = FileChannel.open(statm, StandardOpenOption.READ);
            StatmReader reader = new StatmReader(channel, DEFAULT_PAGE_SIZE_BYTES);
            long pages = reader.residentPages();
            long pageSize = measurePageSize(pages, status);
            return pageSize == DEFAULT_PAGE_SIZE_BYTES ? reader : new StatmReader(channel, pageSize);
        } catch (IOException | RuntimeException notReadable) {
            return null;
        }
    }

    /** Returns the resident set size in bytes, or {@link JsonWriter#ABSENT} when the read fails. */
    public long residentBytes() {
        long pages = residentPages();
        return pages < 0 ? JsonWriter.ABSENT : pages * pageSizeBytes;
    }

    long pageSizeBytes() {
        return pageSizeBytes;
    }

    private long residentPages() {
        buffer.clear();
        try {
            // A positioned read at offset 0 makes procfs regenerate the file's content.
            int read = channel.read(buffer, 0);
            return read <= 0 ? -1 : parseResidentPages(buffer, read);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Returns the second whitespace-separated number in the first {@code length} bytes of
     * {@code content} (statm's resident pages), or -1 when there is none.
     */
    static long parseResidentPages(ByteBuffer content, int length) {
        int i = skipSpaces(content, 0, length);
        while (i < length && isDigit(content.get(i))) {
            i++;
        }
        i = skipSpaces(content, i, length);
        long pages = 0;
        int digits = 0;
        while (i < length && isDigit(content.get(i)) && digits < 18) {
            pages = pages * 10 + (content.get(i) - '0');
            i++;
            digits++;
        }
        return digits == 0 ? -1 : pages;
    }

    private static int skipSpaces(ByteBuffer content, int from, int length) {
        int i = from;
        while (i < length && content.get(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** Returns statm's page size derived from VmRSS, or the default when it cannot be derived. */
    static long measurePageSize(long residentPages, Path status) {
        if (residentPages <= 0) {
            return DEFAULT_PAGE_SIZE_BYTES;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
                    return roundToPowerOfTwo(kib * 1024 / residentPages);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return DEFAULT_PAGE_SIZE_BYTES;
        }
        return DEFAULT_PAGE_SIZE_BYTES;
    }

    static long roundToPowerOfTwo(long estimateBytes) {
        if (estimateBytes < 1024) {
            return DEFAULT_PAGE_SIZE_BYTES;
        }
        long lower = Long.highestOneBit(estimateBytes);
        long upper = lower << 1;
        return estimateBytes - lower <= upper - estimateBytes ? lower : upper;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
