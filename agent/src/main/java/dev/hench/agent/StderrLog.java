package dev.hench.agent;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's only output: lines on stderr with the {@code [hench-agent]} prefix. The agent
 * bundles no logging framework and never touches java.util.logging, so a worker's own logging
 * setup is not disturbed.
 *
 * <p>Thread-safe. Repeating conditions go through {@link #throttled}: the first occurrence of a key
 * is printed, later ones are counted and summarised at most once per summary period.
 */
public final class StderrLog {

    /** Prefix of every line the agent prints. */
    public static final String PREFIX = "[hench-agent] ";

    private static final long SUMMARY_PERIOD_NANOS = 60_000_000_000L;
    private static final ConcurrentHashMap<String, Throttle> THROTTLES = new ConcurrentHashMap<>();

    private StderrLog() {
    }

    /** Prints one line. */
    public static void print(String message) {
        PrintStream err = System.err;
        err.println(PREFIX + message);
    }

    /**
     * Prints {@code message} the first time {@code key} occurs, then at most one summary per minute
     * that counts how often it occurred since the last line.
     */
    public static void throttled(String key, String message) {
        Throttle throttle = THROTTLES.computeIfAbsent(key, ignored -> new Throttle());
        long suppressed = throttle.occur(System.nanoTime());
        if (suppressed == 0) {
            print(message);
        } else if (suppressed > 0) {
            print(message + " (" + suppressed + " more times since the last report)");
        }
    }

    /** Ends a throttled condition, so its next occurrence is printed at once; returns its count. */
    public static long clear(String key) {
        Throttle throttle = THROTTLES.remove(key);
        return throttle == null ? 0 : throttle.total.get();
    }

    private static final class Throttle {
        private final AtomicLong total = new AtomicLong();
        private long suppressed;
        private long lastPrintNanos;
        private boolean printed;

        /** Returns 0 to print the first line, a positive count to print a summary, -1 to stay quiet. */
        synchronized long occur(long nowNanos) {
            total.incrementAndGet();
            if (!printed) {
                printed = true;
                lastPrintNanos = nowNanos;
                return 0;
            }
            suppressed++;
            if (nowNanos - lastPrintNanos < SUMMARY_PERIOD_NANOS) {
                return -1;
            }
            long count = suppressed;
            suppressed = 0;
            lastPrintNanos = nowNanos;
            return count;
        }
    }
}
