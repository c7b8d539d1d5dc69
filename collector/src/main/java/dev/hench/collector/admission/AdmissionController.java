package dev.hench.collector.admission;

import dev.hench.collector.budget.BudgetReader;
import dev.hench.collector.budget.MemoryBudget;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the memory budget at every interval on its own daemon thread ({@code hench-admission}),
 * decides the admission level, and publishes every level change: a log line, a
 * {@code hench.AdmissionChanged} JFR event, and an {@code admission} message line to the
 * broadcast consumer (the lead wires it to every connected agent).
 *
 * <p>Thread-safe. Launchers reserve room for a worker through {@link #tryReserve}, which
 * re-reads the budget so that a decision follows memory changes at once, not only at the next
 * interval.
 */
public final class AdmissionController implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdmissionController.class);

    private final AdmissionSettings settings;
    private final BudgetReader reader;
    private final WorkerPeaks peaks;
    private final Clock clock;
    private final AdmissionRules rules;
    private final Reservations reservations;
    private final List<Consumer<String>> broadcasts = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sampler;
    private AdmissionDecision current;

    /**
     * @param settings the thresholds and where to read the budget
     * @param reader   the budget source, usually {@code BudgetReader.from(settings.budget())}
     * @param peaks    the typical peak RSS of workers seen, from the worker registry
     * @param clock    the time source for reservations and decision timestamps
     */
    public AdmissionController(AdmissionSettings settings, BudgetReader reader, WorkerPeaks peaks,
            Clock clock) {
        this.settings = settings;
        this.reader = reader;
        this.peaks = peaks;
        this.clock = clock;
        this.rules = new AdmissionRules(settings);
        this.reservations = new Reservations(settings.reservationTimeout().toMillis());
        this.sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hench-admission");
            thread.setDaemon(true);
            return thread;
        });
        this.current = evaluate(reader.read(), AdmissionLevel.NORMAL, null);
        LOG.info("admission started: level={} reasons={}", current.level(), current.reasons());
        commitEvent(null, current);
    }

    /** Creates a controller with the system clock. */
    public static AdmissionController create(AdmissionSettings settings, WorkerPeaks peaks) {
        return new AdmissionController(settings, BudgetReader.from(settings.budget()), peaks,
                Clock.systemUTC());
    }

    /**
     * Adds a consumer that receives every level change as one {@code admission} protocol line
     * (no newline). The lead passes the ingest server's broadcast-to-all-agents function.
     * A consumer that throws is logged and the others still run.
     */
    public void addBroadcast(Consumer<String> broadcast) {
        broadcasts.add(broadcast);
    }

    /** Starts reading at every interval; call once. */
    public void start() {
        long millis = settings.interval().toMillis();
        sampler.scheduleWithFixedDelay(this::sampleSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Returns the latest decision. */
    public synchronized AdmissionDecision current() {
        return current;
    }

    /** Returns the latest level as an agent message line, for sending to a newly connected agent. */
    public String currentAgentMessage() {
        return AdmissionJson.agentMessage(current());
    }

    /** Reads the budget now and decides; the sampler thread calls this at every interval. */
    public AdmissionDecision sample() {
        MemoryBudget budget = reader.read();
        return update(budget, null);
    }

    /**
     * Reads the budget now and, when the next worker may start, reserves room for it until it
     * shows up in the readings.
     *
     * @param expectedBytes the launcher's estimate of the worker's peak, or -1 for the typical
     *                      peak of the workers seen (or {@code admission.defaultWorkerBytes})
     */
    public ReservationResult tryReserve(long expectedBytes) {
        MemoryBudget budget = reader.read();
        synchronized (this) {
            AdmissionLevel levelBefore = current.level();
            WorkerSize size = workerSize(expectedBytes);
            AdmissionDecision decision = update(budget, null);
            if (expectedBytes > 0) {
                // The launcher's own size decides this request only, not the published level.
                decision = evaluate(budget, levelBefore, size);
            }
            boolean admitted = decision.verdict() == Verdict.ADMIT;
            long reserveBytes = size != null ? size.bytes() : settings.defaultWorkerBytes();
            if (admitted) {
                reservations.add(reserveBytes, usedBytes(budget), clock.millis());
                LOG.info("admitted a worker: reserved {} bytes; level={} reasons={}",
                        reserveBytes, decision.level(), decision.reasons());
                update(budget, null);
            }
            return new ReservationResult(admitted, decision, admitted ? reserveBytes : 0);
        }
    }

    private synchronized AdmissionDecision update(MemoryBudget budget, WorkerSize size) {
        AdmissionDecision previous = current;
        current = evaluate(budget, previous.level(), size);
        if (current.level() != previous.level()) {
            publishChange(previous, current);
        }
        return current;
    }

    private AdmissionDecision evaluate(MemoryBudget budget, AdmissionLevel previous,
            WorkerSize size) {
        long now = clock.millis();
        long pending = reservations.pendingBytes(usedBytes(budget), now);
        WorkerSize next = size != null ? size : workerSize(-1);
        return rules.decide(budget, previous, pending, next, now);
    }

    private WorkerSize workerSize(long expectedBytes) {
        if (expectedBytes > 0) {
            return new WorkerSize(expectedBytes, "requested by the launcher");
        }
        OptionalLong typical = peaks.typicalPeakRssBytes();
        if (typical.isPresent()) {
            return new WorkerSize(typical.getAsLong(), "typical peak RSS of the workers seen");
        }
        return null;
    }

    private static long usedBytes(MemoryBudget budget) {
        return budget.known()
                ? budget.effectiveBudget().bytes() - budget.available().bytes() : -1;
    }

    private void publishChange(AdmissionDecision previous, AdmissionDecision next) {
        LOG.info("admission level changed: {} -> {} verdict={} available={} reasons={}",
                previous.level(), next.level(), next.verdict(), next.availableBytes(),
                next.reasons());
        commitEvent(previous, next);
        String line = AdmissionJson.agentMessage(next);
        for (Consumer<String> broadcast : broadcasts) {
            try {
                broadcast.accept(line);
            } catch (RuntimeException e) {
                LOG.warn("admission broadcast {} failed; the other outputs still ran", broadcast, e);
            }
        }
    }

    /** Commits the JFR event; {@code previous} is null for the first decision at start. */
    private static void commitEvent(AdmissionDecision previous, AdmissionDecision next) {
        AdmissionChangedEvent event = new AdmissionChangedEvent();
        if (!event.isEnabled()) {
            return;
        }
        MemoryBudget budget = next.budget();
        event.previousLevel = previous == null ? "NONE" : previous.level().name();
        event.level = next.level().name();
        event.reasons = String.join("; ", next.reasons());
        event.usedShare = next.usedShare();
        event.availableBytes = next.availableBytes();
        event.budgetBytes = budget.known() ? budget.effectiveBudget().bytes() : -1;
        event.budgetSource = budget.known() ? budget.effectiveBudget().source() : "unknown";
        event.cgroupDir = budget.cgroupDir();
        event.commit();
    }

    private void sampleSafely() {
        try {
            sample();
        } catch (RuntimeException e) {
            // Keep the sampler alive: a scheduled task that throws is never run again.
            LOG.error("admission sampling failed; keeping the last decision ({})",
                    current().level(), e);
        }
    }

    /** Stops the sampler thread. */
    @Override
    public void close() {
        sampler.shutdownNow();
    }

    /** The result of {@link #tryReserve}: admitted or not, the decision, and the bytes reserved. */
    public record ReservationResult(boolean admitted, AdmissionDecision decision,
            long reservedBytes) {
    }
}
