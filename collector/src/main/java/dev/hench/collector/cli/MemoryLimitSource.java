package dev.hench.collector.cli;

import dev.hench.collector.admission.AdmissionController;
import dev.hench.collector.budget.Measured;
import dev.hench.collector.leak.HostMemory;
import dev.hench.collector.signal.WorkerKey;
import java.util.function.ToLongFunction;

/**
 * The memory limit that native and RSS growth is projected against: the effective budget that
 * admission last read (the smallest cgroup limit on the collector's path, else the host's total),
 * or the host's total memory before admission has a reading.
 *
 * <p>NOTE: every worker gets the collector's own budget. A worker in a container of its own with
 * a smaller limit is projected against the larger one, so its time to limit is optimistic.
 */
final class MemoryLimitSource implements ToLongFunction<WorkerKey> {

    private final long hostTotalBytes = HostMemory.totalBytes();
    private volatile AdmissionController admission;

    void attach(AdmissionController controller) {
        this.admission = controller;
    }

    @Override
    public long applyAsLong(WorkerKey worker) {
        AdmissionController controller = admission;
        if (controller == null) {
            return hostTotalBytes;
        }
        Measured budget = controller.current().budget().effectiveBudget();
        return budget == null ? hostTotalBytes : budget.bytes();
    }
}
