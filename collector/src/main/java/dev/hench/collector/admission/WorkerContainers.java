package dev.hench.collector.admission;

import dev.hench.collector.budget.BudgetSettings;
import dev.hench.collector.budget.LinuxBudgetReader;
import dev.hench.collector.budget.MemoryBudget;
import java.util.Optional;

/**
 * Per-worker budgets: reads the memory cgroup a worker's agent reported in its {@code hello}
 * ({@code cgroupPath}) and reports how full that worker's container is, for example
 * "worker build-7's container is at 93 % of its limit".
 *
 * <p>Thread-safe; every call reads the cgroup files again.
 */
public final class WorkerContainers {

    private final BudgetSettings settings;

    public WorkerContainers(BudgetSettings settings) {
        this.settings = settings;
    }

    /**
     * Reads the budget of the worker's cgroup.
     *
     * @param workerId   the worker id, used in the message
     * @param cgroupPath the memory cgroup path from the agent's hello
     * @return empty off Linux; otherwise the usage, with an unknown budget when unreadable
     */
    public Optional<WorkerContainerUsage> read(String workerId, String cgroupPath) {
        if (settings.os() != BudgetSettings.Os.LINUX) {
            return Optional.empty();
        }
        MemoryBudget budget = new LinuxBudgetReader(settings.root(), cgroupPath, false).read();
        return Optional.of(new WorkerContainerUsage(workerId, budget, describe(workerId, budget)));
    }

    private static String describe(String workerId, MemoryBudget budget) {
        String worker = "worker " + workerId;
        if (!budget.known()) {
            return worker + "'s container budget is unknown: " + budget.unknownReasons();
        }
        if (budget.limit() == null) {
            return worker + "'s cgroup " + budget.cgroupDir() + " has no memory limit";
        }
        long used = budget.limit().bytes() - budget.available().bytes();
        return worker + "'s container is at " + ByteText.percent(budget.usedShare().orElse(1.0))
                + " of its limit (" + ByteText.bytes(used) + " of "
                + ByteText.bytes(budget.limit().bytes()) + ", " + budget.limit().source() + ")";
    }

    /**
     * Usage of one worker's container against its limit.
     *
     * @param workerId the worker
     * @param budget   the budget of its cgroup
     * @param message  one sentence for logs and alerts
     */
    public record WorkerContainerUsage(String workerId, MemoryBudget budget, String message) {
    }
}
