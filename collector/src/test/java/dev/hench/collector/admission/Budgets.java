package dev.hench.collector.admission;

import dev.hench.collector.budget.CgroupVersion;
import dev.hench.collector.budget.MacPressure;
import dev.hench.collector.budget.Measured;
import dev.hench.collector.budget.MemoryBudget;
import dev.hench.collector.budget.Psi;
import java.util.List;

/** Budgets with chosen numbers, for rule tests that do not need a machine layout. */
final class Budgets {

    static final long GIB = 1L << 30;

    private Budgets() {
    }

    /** Returns a 1 GiB cgroup limit on a 16 GiB host with {@code availableBytes} left. */
    static MemoryBudget limited(long availableBytes) {
        return withPressure(availableBytes, null, null);
    }

    static MemoryBudget withPressure(long availableBytes, Psi psi, MacPressure macPressure) {
        return new MemoryBudget("linux", CgroupVersion.V2, "/sys/fs/cgroup/w", false,
                new Measured(GIB, "/sys/fs/cgroup/w/memory.max"), "/sys/fs/cgroup/w",
                new Measured(GIB - availableBytes, "/sys/fs/cgroup/w/memory.current"),
                new Measured(availableBytes, "limit - working set"),
                new Measured(16 * GIB, "/proc/meminfo:MemTotal"), List.of(), psi, macPressure,
                List.of(), List.of());
    }

    static Psi psi(double someAvg10, double fullAvg10) {
        return new Psi(someAvg10, 0, 0, 0, fullAvg10, 0, 0, 0, "/sys/fs/cgroup/w/memory.pressure");
    }

    /** Returns the bytes available when {@code share} of the 1 GiB limit is used. */
    static long availableAtShare(double share) {
        return (long) Math.floor(GIB * (1 - share));
    }
}
