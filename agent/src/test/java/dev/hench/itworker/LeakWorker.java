package dev.hench.itworker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Test worker that retains a 64 KiB array every 10 ms from {@link #retain} (about 6 MiB/s) while
 * also making short-lived garbage, for the given number of milliseconds.
 */
public final class LeakWorker {

    private static final List<byte[]> LEAK = new ArrayList<>();

    private LeakWorker() {
    }

    public static void main(String[] args) {
        long end = System.currentTimeMillis() + Long.parseLong(args[0]);
        long garbage = 0;
        while (System.currentTimeMillis() < end) {
            retain();
            for (int i = 0; i < 100; i++) {
                garbage += new byte[512].length;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        System.out.println("leaked " + LEAK.size() + " arrays, garbage " + garbage);
    }

    static void retain() {
        LEAK.add(new byte[64 * 1024]);
    }
}
