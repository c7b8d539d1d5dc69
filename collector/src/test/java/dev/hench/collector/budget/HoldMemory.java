package dev.hench.collector.budget;

import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * A child JVM for cgroup tests: prints the physical memory the JDK reports (its container support
 * reports the cgroup limit there), touches {@code args[0]} MiB of heap, prints {@code ready},
 * and holds the memory until its standard input closes.
 */
public final class HoldMemory {

    private HoldMemory() {
    }

    public static void main(String[] args) throws IOException {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        System.out.println("totalMemorySize=" + os.getTotalMemorySize());
        int mebibytes = Integer.parseInt(args[0]);
        byte[][] held = new byte[mebibytes][];
        for (int i = 0; i < mebibytes; i++) {
            held[i] = new byte[1 << 20];
            for (int offset = 0; offset < held[i].length; offset += 4096) {
                held[i][offset] = 1;
            }
        }
        System.out.println("ready " + held.length);
        System.out.flush();
        while (System.in.read() >= 0) {
            // Hold the memory until the parent closes our standard input.
            continue;
        }
    }
}
