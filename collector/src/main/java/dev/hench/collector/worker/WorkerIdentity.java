package dev.hench.collector.worker;

import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.util.Objects;

/**
 * What an agent's {@code hello} told about its JVM. Numbers the agent left out are
 * {@link Observation#ABSENT}; strings it left out are null.
 *
 * @param key worker id and session
 * @param pid process id
 * @param jvmVendor {@code java.vm.vendor}
 * @param jvmVersion {@code java.runtime.version}
 * @param startTimeMillis JVM start time, milliseconds since the epoch
 * @param heapMaxBytes maximum heap at JVM start
 * @param agentVersion version of the agent jar
 * @param cgroupPath the worker's memory cgroup path (Linux only)
 * @param gcName the young collector's family, for example G1
 */
public record WorkerIdentity(
        WorkerKey key,
        long pid,
        String jvmVendor,
        String jvmVersion,
        long startTimeMillis,
        long heapMaxBytes,
        String agentVersion,
        String cgroupPath,
        String gcName) {

    public WorkerIdentity {
        Objects.requireNonNull(key, "key");
    }
}
