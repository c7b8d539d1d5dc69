package dev.hench.sample.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Steady churn over a flat live set: {@code --live-mib} (default 32) allocated once and kept, and
 * {@code --churn-mib-per-s} (default 20) of short-lived garbage.
 */
public final class SteadyWorkload implements Workload {

    static final long STEP_MILLIS = 20;

    private final List<byte[]> liveSet = new ArrayList<>();
    private final Churn churn;
    private final int liveMib;

    public SteadyWorkload(WorkloadOptions options) {
        this.liveMib = (int) options.number("live-mib", 32, 0, 1 << 20);
        this.churn = new Churn(options.number("churn-mib-per-s", 20, 0, 10_000), STEP_MILLIS);
    }

    @Override
    public void run(Deadline deadline) throws InterruptedException {
        for (int i = 0; i < liveMib; i++) {
            liveSet.add(new byte[1024 * 1024]);
        }
        while (!deadline.passed()) {
            churn.step();
            TimeUnit.MILLISECONDS.sleep(STEP_MILLIS);
        }
        System.out.println("steady done, live set " + liveSet.size() + " MiB, churn checksum " + churn.checksum());
    }
}
