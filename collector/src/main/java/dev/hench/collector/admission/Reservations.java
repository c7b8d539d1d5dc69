package dev.hench.collector.admission;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Memory held for workers that were admitted but do not show in the budget readings yet. Without
 * it, several launchers asking within one sampling interval would all be admitted against the
 * same free memory.
 *
 * <p>The held bytes shrink by the largest growth of the used bytes seen since the oldest open
 * reservation was made (the workers are showing up), and all are released once that growth
 * reaches their sum. Growth already seen stays counted when the used bytes fall again (an
 * admitted worker that ran and exited must not be reserved a second time). Each reservation
 * also expires after the reservation timeout, for workers that never start or stay smaller
 * than reserved.
 *
 * <p>Not thread-safe; the controller calls it under its own lock.
 */
final class Reservations {

    private record Reservation(long bytes, long expiresAtMillis) {
    }

    private final long timeoutMillis;
    private final Deque<Reservation> open = new ArrayDeque<>();
    private long usedAtFirstBytes;
    private long maxGrownBytes;

    Reservations(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Adds a reservation of {@code bytes}.
     *
     * @param usedBytes the used bytes of the latest reading, or -1 when the budget is unknown
     *                  (the next known reading then becomes the starting point)
     */
    void add(long bytes, long usedBytes, long nowMillis) {
        if (open.isEmpty()) {
            usedAtFirstBytes = usedBytes;
            maxGrownBytes = 0;
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
            maxGrownBytes = 0;
        }
        long total = open.stream().mapToLong(Reservation::bytes).sum();
        if (open.isEmpty() || usedBytes < 0) {
            return total;
        }
        if (usedAtFirstBytes < 0) {
            usedAtFirstBytes = usedBytes;
        }
        maxGrownBytes = Math.max(maxGrownBytes, usedBytes - usedAtFirstBytes);
        if (maxGrownBytes >= total) {
            open.clear();
            return 0;
        }
        return total - maxGrownBytes;
    }

    int count() {
        return open.size();
    }
}
