package dev.hench.sample.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Batch cycles: each cycle loads a large data set ({@code --data-mib}, default 32), processes it
 * while allocating short-lived garbage ({@code --churn-mib-per-s}, default 20), then writes a
 * one-line result and releases the data set. {@code --leak-mib-per-cycle} (default 0) keeps that
 * much more per cycle in a static list that is never cleared: a leak hidden in the cycles.
 * {@code --cycle-seconds} (default 5) is the length of one cycle: a quarter load, a third process,
 * the rest output.
 *
 * <p>This class calls no hench API, so a worker runs it with or without the agent. The phase
 * methods {@link #load()}, {@link #process()}, {@link #output()} and {@link #runCycle()} are
 * public so that the agent's {@code phase.NAME=class#method} options can instrument them; the
 * {@code cycles} workload marks the same steps through the API instead ({@link CycleMarks}).
 *
 * <p>Not thread-safe: one thread runs the cycles.
 */
public final class CyclesWorkload implements Workload {

    static final long STEP_MILLIS = 50;

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int MIB = 1024 * 1024;
    /** The hidden leak: chunks that outlive every cycle. */
    private static final List<byte[]> LEAKED = new ArrayList<>();

    private final CycleMarks marks;
    private final long dataBytes;
    private final long leakBytesPerCycle;
    private final Churn churn;
    private final int loadSteps;
    private final int processSteps;
    private final int outputSteps;
    private List<byte[]> dataSet = new ArrayList<>();
    private long result;

    /** Creates the {@code cycles-plain} workload, which marks nothing itself. */
    public CyclesWorkload(WorkloadOptions options) {
        this(options, CycleMarks.NONE);
    }

    CyclesWorkload(WorkloadOptions options, CycleMarks marks) {
        this.marks = marks;
        this.dataBytes = (long) (options.number("data-mib", 32, 1, 1 << 20) * MIB);
        this.leakBytesPerCycle = (long) (options.number("leak-mib-per-cycle", 0, 0, 1 << 20) * MIB);
        this.churn = new Churn(options.number("churn-mib-per-s", 20, 0, 10_000), STEP_MILLIS);
        double cycleSeconds = options.number("cycle-seconds", 5, 0.2, 3_600);
        long steps = Math.max(4, Math.round(cycleSeconds * 1000 / STEP_MILLIS));
        this.loadSteps = (int) Math.max(1, steps / 4);
        this.processSteps = (int) Math.max(1, steps / 3);
        this.outputSteps = (int) Math.max(1, steps - loadSteps - processSteps);
    }

    @Override
    public void run(Deadline deadline) throws InterruptedException {
        int cycle = 0;
        while (!deadline.passed()) {
            String runId = "cycle-" + cycle;
            marks.beginRun(runId);
            try {
                runCycle();
            } finally {
                marks.endRun(runId);
            }
            cycle++;
        }
        System.out.println("cycles done: " + cycle + " cycles, leaked " + LEAKED.size() * (long) CHUNK_BYTES / MIB
                + " MiB, churn checksum " + churn.checksum());
    }

    /** Runs one load, process and output cycle. */
    public void runCycle() throws InterruptedException {
        marks.inPhase("load", this::load);
        marks.inPhase("process", this::process);
        marks.inPhase("output", this::output);
    }

    /** Builds the data set a little per step, as reading input would, and hides the leak in it. */
    public void load() throws InterruptedException {
        dataSet = new ArrayList<>();
        long chunksPerStep = Math.max(1, dataBytes / CHUNK_BYTES / loadSteps);
        for (int step = 0; step < loadSteps; step++) {
            for (long i = 0; i < chunksPerStep; i++) {
                dataSet.add(filledChunk());
            }
            TimeUnit.MILLISECONDS.sleep(STEP_MILLIS);
        }
        for (long kept = 0; kept < leakBytesPerCycle; kept += CHUNK_BYTES) {
            LEAKED.add(filledChunk());
        }
    }

    /** Reads the data set while allocating short-lived garbage. */
    public void process() throws InterruptedException {
        for (int step = 0; step < processSteps; step++) {
            result += sum(dataSet.get(step % dataSet.size()));
            churn.step();
            TimeUnit.MILLISECONDS.sleep(STEP_MILLIS);
        }
    }

    /** Writes a one-line result, releases the data set, then keeps churning until the cycle ends. */
    public void output() throws InterruptedException {
        System.out.println("cycle result " + result + " from " + dataSet.size() + " chunks");
        dataSet = new ArrayList<>();
        for (int step = 0; step < outputSteps; step++) {
            churn.step();
            TimeUnit.MILLISECONDS.sleep(STEP_MILLIS);
        }
    }

    private static long sum(byte[] chunk) {
        long total = 0;
        for (byte value : chunk) {
            total += value;
        }
        return total;
    }

    private static byte[] filledChunk() {
        byte[] chunk = new byte[CHUNK_BYTES];
        chunk[ThreadLocalRandom.current().nextInt(CHUNK_BYTES)] = 1;
        return chunk;
    }
}
