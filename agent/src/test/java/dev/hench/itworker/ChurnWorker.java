package dev.hench.itworker;

import java.util.ArrayList;
import java.util.List;

/**
 * Test worker: allocates and drops memory with a small retained set for the given number of
 * milliseconds, calls System.gc() now and then, and exits 0. Argument: run time in milliseconds.
 */
public final class ChurnWorker {

    private ChurnWorker() {
    }

    public static void main(String[] args) {
        System.out.println("churn started");
        long runMillis = Long.parseLong(args[0]);
        long end = System.currentTimeMillis() + runMillis;
        List<byte[]> retained = new ArrayList<>();
        long lastGc = System.currentTimeMillis();
        long checksum = 0;
        while (System.currentTimeMillis() < end) {
            byte[] chunk = new byte[8 * 1024];
            checksum += chunk.length;
            retained.add(chunk);
            if (retained.size() % 64 == 0) {
                // Keep the allocation rate near 100 MB/s so two cores stay usable for the test.
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            if (retained.size() > 2_000) {
                retained.subList(0, 1_000).clear();
            }
            if (System.currentTimeMillis() - lastGc > 700) {
                System.gc();
                lastGc = System.currentTimeMillis();
            }
        }
        System.out.println("churn done " + checksum);
    }
}
