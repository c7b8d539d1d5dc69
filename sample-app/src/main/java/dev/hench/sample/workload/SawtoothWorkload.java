package dev.hench.sample.workload;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A flat live set with a long GC sawtooth: {@code --live-mib} (default 32) kept for the whole
 * run, plus {@code --medium-mib-per-s} (default 4) of 64 KiB arrays that each live
 * {@code --medium-life} (default 30s). They survive young collections, get promoted and then die
 * in the old generation, which fills between old or mixed collections while the floor stays flat.
 */
public final class SawtoothWorkload implements Workload {

    private static final int CHUNK_BYTES = 64 * 1024;

    private final List<byte[]> liveSet = new ArrayList<>();
    private final ArrayDeque<Aged> medium = new ArrayDeque<>();
    private final Churn churn;
    private final int liveMib;
    private final double chunksPerStep;
    private final long mediumLifeMillis;

    public SawtoothWorkload(WorkloadOptions options) {
        this.liveMib = (int) options.number("live-mib", 32, 0, 1 << 20);
        this.churn = new Churn(options.number("churn-mib-per-s", 20, 0, 10_000), SteadyWorkload.STEP_MILLIS);
        double mediumMibPerSecond = options.number("medium-mib-per-s", 4, 0, 10_000);
        this.chunksPerStep = mediumMibPerSecond * 1024 * 1024 / CHUNK_BYTES * SteadyWorkload.STEP_MILLIS / 1000.0;
        this.mediumLifeMillis = options.duration("medium-life", Duration.ofSeconds(30)).toMillis();
    }

    @Override
    public void run(Deadline deadline) throws InterruptedException {
        for (int i = 0; i < liveMib; i++) {
            liveSet.add(new byte[1024 * 1024]);
        }
        double owed = 0;
        while (!deadline.passed()) {
            churn.step();
            long now = System.nanoTime();
            for (owed += chunksPerStep; owed >= 1; owed--) {
                medium.addLast(new Aged(new byte[CHUNK_BYTES], now));
            }
            while (!medium.isEmpty() && now - medium.peekFirst().bornNanos > mediumLifeMillis * 1_000_000) {
                medium.removeFirst();
            }
            TimeUnit.MILLISECONDS.sleep(SteadyWorkload.STEP_MILLIS);
        }
        System.out.println("sawtooth done, live set " + liveSet.size() + " MiB, medium-lived " + medium.size()
                + " arrays, churn checksum " + churn.checksum());
    }

    /** An array with its allocation time. */
    private record Aged(byte[] data, long bornNanos) {
    }
}
