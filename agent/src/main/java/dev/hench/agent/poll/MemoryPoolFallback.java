package dev.hench.agent.poll;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

import dev.hench.agent.wire.JsonWriter;

/**
 * Fills the metaspace, code-cache and class-loading readings from the memory pool and
 * class-loading MXBeans when JFR is not running, so a worker without JFR still reports them.
 * Costs one {@link MemoryUsage} (48 bytes) per pool and poll, which the JFR path avoids.
 *
 * <p>Used by the sampler thread only.
 */
final class MemoryPoolFallback {

    private final MemoryPoolMXBean metaspace;
    private final List<MemoryPoolMXBean> codeHeaps = new ArrayList<>();
    private final ClassLoadingMXBean classLoading = ManagementFactory.getClassLoadingMXBean();

    MemoryPoolFallback() {
        MemoryPoolMXBean found = null;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getName().equals("Metaspace")) {
                found = pool;
            } else if (pool.getName().startsWith("CodeHeap") || pool.getName().equals("CodeCache")) {
                codeHeaps.add(pool);
            }
        }
        metaspace = found;
    }

    void pollInto(LatestReadings readings) {
        if (metaspace != null) {
            MemoryUsage usage = metaspace.getUsage();
            readings.metaspaceUsedBytes = usage.getUsed();
            readings.metaspaceCommittedBytes = usage.getCommitted();
            readings.metaspaceMaxBytes = usage.getMax() < 0 ? JsonWriter.ABSENT : usage.getMax();
        }
        if (!codeHeaps.isEmpty()) {
            long used = 0;
            for (MemoryPoolMXBean heap : codeHeaps) {
                used += heap.getUsage().getUsed();
            }
            readings.codeCacheBytes = used;
        }
        readings.loadedClasses = classLoading.getTotalLoadedClassCount();
        readings.unloadedClasses = classLoading.getUnloadedClassCount();
    }
}
