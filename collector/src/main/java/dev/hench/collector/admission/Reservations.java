package dev.hench.collector.admission;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Memory held for workers that were admitted but do not show in the budget readings yet. Without
 * it, several launchers asking within one sampling interval would all be admitted against the
 * same free memory.
 *
 * <p>The reservations are released together once the used bytes have grown by their sum since
 * the oldest of them was made (the workers have shown up). Each one also expires after the
 * reservation timeout, for workers that never start or stay small. Used bytes that fall in the
 * meantime (another worker exited) keep the reservations until they grow or expire, which errs
 * on the side of admitting less.
 *
 * <p>Not thread-safe; the controller calls it under its own lock.
 */
final class Reservations {

    private record Reservation(long bytes, long expiresAtMillis) {
    }

    private final long timeoutMillis;
    private final Deque<Reservation> open = new ArrayDeque<>();
    private long usedAtFirstBytes;

    Reservations(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Adds a reservation of {@code bytes}, with the used bytes of the latest reading. */
    void add(long bytes, long usedBytes, long nowMillis) {
        if (open.isEmpty()) {
            usedAtFirstBytes = usedBytes;
        }
        open.addLast(new Reservation(bytes, nowMillis + timeoutMillis));
    }

    /**
     * Returns the bytes still held, after releasing what the latest reading already shows.
     *
     * @param usedBytes the used bytes of the latest reading, or -1 when the budget is unknown
     */
    long pendingBytes(long usedBytes, long nowMillis) {
        boolean expired = open.removeIf(reservation -> reservation.expiresAtMillis() <= nowMillis);
        if (expired && usedBytes >= 0) {
            // Growth so far may belong to the expired workers; count the rest from now on.
            usedAtFirstBytes = usedBytes;
        }
        long total = open.stream().mapToLong(Reservation::bytes).sum();
        if (open.isEmpty() || usedBytes < 0) {
            return total;
        }
        long grownBytes = Math.max(0, usedBytes - usedAtFirstBytes);
        if (grownBytes >= total) {
            open.clear();
            return 0;
        }
        return total - grownBytes;
    }

    int count() {
        return open.size();
    }
}
