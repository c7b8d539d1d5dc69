package dev.hench.collector.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGINT and SIGTERM into an orderly stop on the main thread, before the JVM's shutdown
 * hooks run. The JDK's own Flight Recorder hook stops recordings and deletes their disk
 * repository, so a final JFR write from a shutdown hook of ours could find the data gone.
 */
final class StopSignals {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /**
     * Counts {@code stopRequested} down on SIGINT or SIGTERM. Where the signals cannot be
     * handled, falls back to a shutdown hook that closes {@code fallback}.
     */
    static void install(CountDownLatch stopRequested, AutoCloseable fallback) {
        try {
            Signal.handle(new Signal("INT"), signal -> stop(stopRequested, signal));
            Signal.handle(new Signal("TERM"), signal -> stop(stopRequested, signal));
        } catch (IllegalArgumentException e) {
            log.warn("cannot handle SIGINT and SIGTERM ({}); stopping from a shutdown hook instead, "
                    + "which may lose the last JFR events", e.getMessage());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(fallback), "hench-shutdown"));
        }
    }

    private static void stop(CountDownLatch stopRequested, Signal signal) {
        log.info("received SIG{}", signal.getName());
        stopRequested.countDown();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.error("stopping the collector from the shutdown hook failed", e);
        }
    }
}
