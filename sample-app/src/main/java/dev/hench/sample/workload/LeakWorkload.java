package dev.hench.sample.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Churn like {@link SteadyWorkload} plus memory retained at {@code --rate-mib-per-min} (default
 * 30) in 64 KiB arrays that are never released, so the heap floor after GC rises at that rate
 * until the heap is full.
 */
public final class LeakWorkload implements Workload {

    private static final int CHUNK_BYTES = 64 * 1024;

    private final List<byte[]> retained = new ArrayList<>();
    private final Churn churn;
    private final double bytesPerStep;

    public LeakWorkload(WorkloadOptions options) {
        double rateMibPerMinute = options.number("rate-mib-per-min", 30, 0, 1_000_000);
        this.churn = new Churn(options.number("churn-mib-per-s", 20, 0, 10_000), SteadyWorkload.STEP_MILLIS);
        this.bytesPerStep = rateMibPerMinute * 1024 * 1024 * SteadyWorkload.STEP_MILLIS / 60_000.0;
    }

    @Override
    public void run(Deadline deadline) throws InterruptedException {
        double owed = 0;
        while (!deadline.passed()) {
            churn.step();
            owed += bytesPerStep;
            while (owed >= CHUNK_BYTES) {
                retained.add(new byte[CHUNK_BYTES]);
                owed -= CHUNK_BYTES;
            }
            TimeUnit.MILLISECONDS.sleep(SteadyWorkload.STEP_MILLIS);
        }
        System.out.println("leak done, retained " + retained.size() * (long) CHUNK_BYTES / (1024 * 1024) + " MiB");
    }
}
