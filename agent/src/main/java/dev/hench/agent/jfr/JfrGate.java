package dev.hench.agent.jfr;

import dev.hench.agent.StderrLog;
import dev.hench.agent.poll.AgentCpuClock;
import dev.hench.agent.poll.LatestReadings;
import dev.hench.agent.wire.MessageRing;

/**
 * Opens JFR only where it works. It calls {@code FlightRecorder.isAvailable()} by reflection and
 * only then loads {@link JfrSignals}, the entry to every class that names a {@code jdk.jfr} type,
 * so the agent runs unchanged on a runtime built without the {@code jdk.jfr} module.
 */
public final class JfrGate {

    private static final String LEFT_OUT = "; GC events, compilation and physical-memory signals are left out,"
            + " and metaspace, code cache and class counts come from MXBeans";

    private JfrGate() {
    }

    /**
     * Returns a started-up JFR facade, or null after printing one line when JFR is missing,
     * disabled or fails to start. Never throws.
     */
    public static JfrFacade open(long intervalMillis, MessageRing ring, LatestReadings readings,
            AgentCpuClock cpuClock) {
        try {
            Class<?> flightRecorder = Class.forName("jdk.jfr.FlightRecorder");
            Object available = flightRecorder.getMethod("isAvailable").invoke(null);
            if (!Boolean.TRUE.equals(available)) {
                StderrLog.print("JFR is not available in this JVM" + LEFT_OUT);
                return null;
            }
            return JfrSignals.create(intervalMillis, ring, readings, cpuClock);
        } catch (ClassNotFoundException e) {
            StderrLog.print("JFR is not available: this runtime lacks the jdk.jfr module" + LEFT_OUT);
            return null;
        } catch (Throwable e) {
            // Throwable: a missing module or a JFR start failure must not reach the worker.
            StderrLog.print("JFR could not be started (" + e + ")" + LEFT_OUT);
            return null;
        }
    }
}
