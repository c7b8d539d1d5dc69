package dev.hench.sample.workload;

/** A named memory behaviour that a sample worker runs, for example a steady churn or a leak. */
public interface Workload {

    /**
     * Runs until {@code deadline} passes or the thread is interrupted.
     *
     * @throws InterruptedException when the worker is asked to stop early
     */
    void run(Deadline deadline) throws InterruptedException;
}
