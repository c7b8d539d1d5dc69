package dev.hench.collector.budget;

/**
 * Reads the current memory budget. Implementations never throw for an unreadable source: they
 * return an {@linkplain MemoryBudget#unknown unknown} budget that names the reason.
 * Implementations are thread-safe; each call reads the files again.
 */
public interface BudgetReader {

    MemoryBudget read();

    /** Creates the reader that {@code settings} select: by OS, root directory and cgroup. */
    static BudgetReader from(BudgetSettings settings) {
        return switch (settings.os()) {
            case LINUX -> new LinuxBudgetReader(settings.root(), settings.cgroupPath(),
                    settings.hostOnly());
            case MACOS -> new MacBudgetReader(settings.root());
            case OTHER -> new PlatformBudgetReader();
        };
    }
}
