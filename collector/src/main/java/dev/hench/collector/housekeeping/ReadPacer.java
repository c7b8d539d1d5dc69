package dev.hench.collector.housekeeping;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * Token bucket that limits how fast housekeeping reads run-file bytes, so that a large archival
 * leaves CPU and disk to the collector's ingest thread and to the workers. Every stream that
 * housekeeping reads through {@link #wrap} takes tokens. Bursts up to one MiB pass unpaced.
 *
 * <p>Not thread-safe: one pacer per housekeeping thread.
 */
final class ReadPacer {

    private static final long BURST_BYTES = 1024 * 1024;

    private final double bytesPerNano;
    private double tokens = BURST_BYTES;
    private long lastRefillNanos = System.nanoTime();

    /** Creates a pacer allowing {@code mebibytesPerSecond}; 0 means no limit. */
    ReadPacer(int mebibytesPerSecond) {
        this.bytesPerNano = mebibytesPerSecond * 1024.0 * 1024.0 / 1e9;
    }

    InputStream wrap(InputStream in) {
        return bytesPerNano == 0 ? in : new PacedStream(in);
    }

    private void take(int bytes) {
        long now = System.nanoTime();
        tokens = Math.min(BURST_BYTES, tokens + (now - lastRefillNanos) * bytesPerNano);
        lastRefillNanos = now;
        tokens -= bytes;
        if (tokens < 0) {
            LockSupport.parkNanos((long) (-tokens / bytesPerNano));
        }
    }

    private final class PacedStream extends FilterInputStream {
        PacedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                take(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                take(n);
            }
            return n;
        }
    }
}
