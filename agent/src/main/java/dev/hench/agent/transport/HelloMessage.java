package dev.hench.agent.transport;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.hench.agent.wire.JsonWriter;

/**
 * Builds the {@code hello} line that opens every connection. Its content is fixed for the life of
 * the JVM, so it is encoded once.
 */
public final class HelloMessage {

    /** Protocol version this agent speaks. */
    public static final int PROTOCOL_VERSION = 1;

    private HelloMessage() {
    }

    /**
     * Encodes the hello line for this JVM.
     *
     * @param agentVersion the jar's Implementation-Version, or null when unknown
     */
    public static byte[] encode(String workerId, String session, String agentVersion) {
        JsonWriter writer = new JsonWriter(1024);
        writer.beginMessage("hello", 0);
        writer.field("protocol", PROTOCOL_VERSION);
        writer.field("worker", workerId);
        writer.field("session", session);
        writer.field("pid", ProcessHandle.current().pid());
        writer.field("jvmVendor", System.getProperty("java.vm.vendor"));
        writer.field("jvmVersion", System.getProperty("java.runtime.version"));
        writer.field("startTimeMillis", ManagementFactory.getRuntimeMXBean().getStartTime());
        long heapMax = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        writer.field("heapMaxBytes", heapMax < 0 ? JsonWriter.ABSENT : heapMax);
        writer.field("agentVersion", agentVersion);
        writer.field("cgroupPath", cgroupPath(Path.of("/proc/self/cgroup")));
        writer.field("gcName", gcFamily());
        writer.endMessage();
        return writer.toByteArray();
    }

    /**
     * Returns the memory cgroup path from a {@code /proc/self/cgroup} file: the v1 line whose
     * controllers include {@code memory}, else the v2 {@code 0::} line; null when neither exists.
     */
    static String cgroupPath(Path procSelfCgroup) {
        List<String> lines;
        try {
            lines = Files.readAllLines(procSelfCgroup);
        } catch (IOException | RuntimeException notLinux) {
            return null;
        }
        String unified = null;
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length < 3) {
                continue;
            }
            if (List.of(parts[1].split(",")).contains("memory")) {
                return parts[2];
            }
            if (parts[0].equals("0") && parts[1].isEmpty()) {
                unified = parts[2];
            }
        }
        return unified;
    }

    /** Returns the GC family (G1, Parallel, Serial, Z, Shenandoah) from the collector MXBean names, or null. */
    static String gcFamily() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            String family = gcFamily(gc.getName());
            if (family != null) {
                return family;
            }
        }
        return null;
    }

    static String gcFamily(String mxBeanName) {
        String name = mxBeanName.toLowerCase(Locale.ROOT);
        if (name.startsWith("g1 ")) {
            return "G1";
        }
        if (name.startsWith("ps ")) {
            return "Parallel";
        }
        if (name.equals("copy") || name.equals("marksweepcompact")) {
            return "Serial";
        }
        if (name.startsWith("zgc")) {
            return "Z";
        }
        if (name.startsWith("shenandoah")) {
            return "Shenandoah";
        }
        return null;
    }
}
