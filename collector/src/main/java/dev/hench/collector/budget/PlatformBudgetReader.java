package dev.hench.collector.budget;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Reads the budget on systems other than Linux and macOS through the JDK's
 * {@code com.sun.management.OperatingSystemMXBean}. Its free memory is the OS's "free" figure,
 * which on some systems leaves out reclaimable cache, so this reader may under-report what is
 * available. The source names the bean so that readers of the output can tell.
 */
public final class PlatformBudgetReader implements BudgetReader {

    private static final String SOURCE = "OperatingSystemMXBean.";

    @Override
    public MemoryBudget read() {
        String os = System.getProperty("os.name", "unknown");
        if (!(ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean bean)) {
            return MemoryBudget.unknown(os, "this JVM has no com.sun.management."
                    + "OperatingSystemMXBean to read physical memory from", List.of());
        }
        long total = bean.getTotalMemorySize();
        long free = bean.getFreeMemorySize();
        if (total <= 0 || free < 0) {
            return MemoryBudget.unknown(os, "OperatingSystemMXBean returned total " + total
                    + " and free " + free + " bytes", List.of());
        }
        return new MemoryBudget(os, CgroupVersion.NONE, null, false, null, null, null,
                new Measured(free, SOURCE + "getFreeMemorySize"),
                new Measured(total, SOURCE + "getTotalMemorySize"), List.of(), null, null,
                List.of(), List.of());
    }
}
