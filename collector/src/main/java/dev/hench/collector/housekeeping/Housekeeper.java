package dev.hench.collector.housekeeping;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The housekeeping service of one collector: owns the runs directory, records finished runs in
 * the usage ledger every {@code housekeeping.ledgerScanInterval}, and runs a full pass (archival,
 * retention, expiry warnings) at the scheduled wall-clock times.
 *
 * <p>All work runs on one daemon thread named {@code hench-housekeeping-1}, so jobs never overlap,
 * never run on ingest or alert threads, and take at most one core. The thread requests minimum
 * priority, but HotSpot on Linux ignores Java thread priorities by default
 * ({@code -XX:ThreadPriorityPolicy=0}), so the one-thread bound is what limits the interference.
 * The next full pass is computed from the clock after each pass, so the schedule does not drift.
 * {@link #start()} and {@link #stop()} may be called from any thread, once each.
 */
public final class Housekeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeper.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final HousekeepingSettings settings;
    private final Clock clock;
    private final HousekeepingMetrics metrics;
    private final ExpiryAnnouncer announcer;
    private final ScheduledThreadPoolExecutor executor;
    private volatile OwnedRunsDirectory owned;

    public Housekeeper(HousekeepingSettings settings, MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.metrics = new HousekeepingMetrics(registry);
        this.announcer = new ExpiryAnnouncer(settings.schedule().zone());
        this.executor = new ScheduledThreadPoolExecutor(1, new HousekeepingThreads());
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Takes the runs directory's lock, then recovers from any crash and schedules the work in the
     * background. Does nothing when {@code runs.dir} is not set.
     *
     * @throws RunsDirectoryLockedException when another collector owns the directory
     * @throws IOException when the directory or its usage ledger cannot be used
     */
    public void start() throws IOException {
        if (settings.runsDirectory() == null) {
            LOG.info("housekeeping is off: runs.dir is not set");
            return;
        }
        owned = OwnedRunsDirectory.open(settings);
        LOG.info("housekeeping owns {}: archival {} after {} days, retention {} after {} days, "
                + "full passes at {} {}", settings.runsDirectory(), onOff(settings.archivalEnabled()),
                settings.archivalMaxAgeDays(), onOff(settings.retentionEnabled()),
                settings.retentionMaxAgeDays(), settings.schedule().times(),
                settings.schedule().zone());
        executor.execute(this::recoverThenScan);
        long scanMillis = settings.ledgerScanInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> runScheduledPass(false), scanMillis, scanMillis,
                TimeUnit.MILLISECONDS);
        scheduleFullPass();
    }

    /** Runs a full pass now on the housekeeping thread, after any pass in progress. */
    public Future<PassReport> runFullPassNow() {
        return executor.submit(() -> runPass(true));
    }

    private void recoverThenScan() {
        try {
            int rebuilt = owned.recover();
            LOG.info("housekeeping start-up check of {} done; {} damaged archives rebuilt",
                    owned.directory(), rebuilt);
        } catch (IOException | RuntimeException e) {
            LOG.error("housekeeping start-up check of {} failed", settings.runsDirectory(), e);
        }
        runScheduledPass(false);
    }

    private void scheduleFullPass() {
        Instant due = settings.schedule().nextAfter(clock.instant());
        scheduleFullPassAt(due);
    }

    private void scheduleFullPassAt(Instant due) {
        long delayMillis = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        if (!executor.isShutdown()) {
            executor.schedule(() -> fullPassWhenDue(due), delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void fullPassWhenDue(Instant due) {
        if (clock.instant().isBefore(due)) {
            // The timer fired early by the clock (it was set back): wait for the same wall time.
            scheduleFullPassAt(due);
            return;
        }
        runScheduledPass(true);
        scheduleFullPass();
    }

    private PassReport runPass(boolean full) throws IOException {
        PassReport report = owned.pass(clock.instant(), full);
        metrics.update(report, owned.ledgerSize());
        if (full) {
            LOG.info("housekeeping pass over {} done: {}", owned.directory(), report);
            announcer.announce(report);
        }
        return report;
    }

    /** Runs a pass from the scheduler, which must never see an exception (it would cancel). */
    private void runScheduledPass(boolean full) {
        try {
            runPass(full);
        } catch (IOException | RuntimeException e) {
            LOG.error("housekeeping pass over {} failed; the next scheduled pass retries",
                    settings.runsDirectory(), e);
        }
    }

    /**
     * Stops scheduling, waits up to 30 seconds for a pass in progress to finish and releases the
     * runs directory. An interrupted archival leaves only a temporary file, removed at next start.
     */
    public void stop() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("housekeeping did not stop within {}; releasing the runs directory anyway",
                        STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeOwned();
    }

    private void closeOwned() {
        if (owned == null) {
            return;
        }
        try {
            owned.close();
            LOG.info("housekeeping released {}", owned.directory());
        } catch (IOException e) {
            LOG.error("releasing runs directory {} failed", owned.directory(), e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String onOff(boolean enabled) {
        return enabled ? "on" : "off";
    }

    /** Names threads {@code hench-housekeeping-N}: daemons at minimum priority. */
    private static final class HousekeepingThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "hench-housekeeping-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        }
    }
}
