package dev.hench.sample.workload;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Short-lived garbage at a steady rate: byte arrays that live for one step, so they die in the
 * young generation and leave the live set flat.
 *
 * <p>Not thread-safe.
 */
final class Churn {

    private static final int CHUNK_BYTES = 8 * 1024;

    private final long bytesPerStep;
    private final byte[][] recent = new byte[16][];
    private long checksum;

    /** Allocates {@code mibPerSecond} MiB per second when {@link #step()} runs every {@code stepMillis}. */
    Churn(double mibPerSecond, long stepMillis) {
        this.bytesPerStep = (long) (mibPerSecond * 1024 * 1024 * stepMillis / 1000.0);
    }

    void step() {
        for (long done = 0; done < bytesPerStep; done += CHUNK_BYTES) {
            byte[] chunk = new byte[CHUNK_BYTES];
            chunk[ThreadLocalRandom.current().nextInt(CHUNK_BYTES)] = 1;
            recent[(int) ((done / CHUNK_BYTES) % recent.length)] = chunk;
            checksum += chunk.length;
        }
    }

    /** Returns a value that depends on every allocation, so the JIT cannot drop them. */
    long checksum() {
        return checksum;
    }
}
