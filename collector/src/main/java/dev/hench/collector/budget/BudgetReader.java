package dev.hench.collector.budget;

import java.nio.file.Path;

/**
 * Reads the current memory budget. Implementations never throw for an unreadable source: they
 * return an {@linkplain MemoryBudget#unknown unknown} budget that names the reason.
 * Implementations are thread-safe; each call reads the files again.
 */
public interface BudgetReader {

    MemoryBudget read();

    /**
     * Creates the reader that {@code settings} select: by OS, root directory and cgroup. On macOS
     * a root of {@code /} runs {@code vm_stat} and {@code sysctl}; any other root reads their
     * saved output there.
     */
    static BudgetReader from(BudgetSettings settings) {
        return switch (settings.os()) {
            case LINUX -> new LinuxBudgetReader(settings.root(), settings.cgroupPath(),
                    settings.hostOnly());
            case MACOS -> settings.root().equals(Path.of("/")) ? MacBudgetReader.live()
                    : new MacBudgetReader(settings.root());
            case OTHER -> new PlatformBudgetReader();
        };
    }
}
