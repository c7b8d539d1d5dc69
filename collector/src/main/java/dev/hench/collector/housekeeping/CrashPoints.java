package dev.hench.collector.housekeeping;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test hook for the crash tests: when the system property {@code hench.housekeeping.pauseAt} is
 * {@code NAME} or {@code NAME:N}, the N-th time (default first) housekeeping reaches the point
 * NAME it prints {@code HENCH-PAUSED NAME} to stdout and blocks forever, so that a test can kill
 * the process at exactly that point. Without the property every call returns at once.
 */
final class CrashPoints {

    static final String PROPERTY = "hench.housekeeping.pauseAt";
    static final String MARKER = "HENCH-PAUSED ";

    private static final String POINT;
    private static final int HIT;
    private static final AtomicInteger HITS = new AtomicInteger();

    static {
        String spec = System.getProperty(PROPERTY, "");
        int colon = spec.indexOf(':');
        POINT = colon < 0 ? spec : spec.substring(0, colon);
        HIT = colon < 0 ? 1 : Integer.parseInt(spec.substring(colon + 1));
    }

    private CrashPoints() {
    }

    /** Returns whether the test hook is set to pause at {@code point}. */
    static boolean armed(String point) {
        return !POINT.isEmpty() && POINT.equals(point);
    }

    static void reach(String point) {
        if (POINT.isEmpty() || !POINT.equals(point) || HITS.incrementAndGet() != HIT) {
            return;
        }
        System.out.println(MARKER + point);
        System.out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
