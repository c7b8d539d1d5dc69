package dev.hench.collector.admission;

import dev.hench.collector.budget.BudgetSettings;
import dev.hench.collector.budget.Psi;
import dev.hench.collector.config.Settings;
import java.time.Duration;
import java.util.Locale;

/**
 * Thresholds and timing of admission decisions. The used share is 1 - available / budget,
 * where the budget is the effective cgroup limit (the host's total without one).
 *
 * @param delayAtUsedShare       used share from which the level is at least DELAY (0.8)
 * @param refuseAtUsedShare      used share from which the level is REFUSE (0.9)
 * @param hysteresis             how far below a threshold the share must fall before the level
 *                               goes down again (0.05), so that it does not flap
 * @param minAvailableBytes      REFUSE while less than this is available (0: off)
 * @param psiDelayAtSomeAvg10    percent of the last 10 s in which some task stalled on memory
 *                               from which the level is at least DELAY (20)
 * @param psiRefuseAtFullAvg10   percent of the last 10 s in which all tasks stalled from which
 *                               the level is REFUSE (10)
 * @param unknownPolicy          what an unreadable budget admits (DELAY)
 * @param interval               how often the budget is read again (1 s)
 * @param defaultWorkerBytes     bytes reserved for a just-admitted worker while no typical peak
 *                               is known and the launcher names none (256 MiB)
 * @param reservationTimeout     how long a reservation is counted at most when the worker never
 *                               shows up in the readings (60 s)
 * @param budget                 where the budget is read
 */
public record AdmissionSettings(double delayAtUsedShare, double refuseAtUsedShare,
        double hysteresis, long minAvailableBytes, double psiDelayAtSomeAvg10,
        double psiRefuseAtFullAvg10, UnknownPolicy unknownPolicy, Duration interval,
        long defaultWorkerBytes, Duration reservationTimeout, BudgetSettings budget) {

    /** Returns the defaults, reading the collector's own cgroup on the running OS. */
    public static AdmissionSettings defaults() {
        return new AdmissionSettings(0.8, 0.9, 0.05, 0, 20.0, 10.0, UnknownPolicy.DELAY,
                Duration.ofSeconds(1), 256L << 20, Duration.ofSeconds(60),
                BudgetSettings.defaults());
    }

    /**
     * Reads the {@code admission.*} and {@code budget.*} keys and checks them against each
     * other; every problem is recorded in {@code settings} for {@link Settings#validate()}.
     */
    public static AdmissionSettings from(Settings settings) {
        AdmissionSettings d = defaults();
        double delay = settings.fraction("admission.delayAtUsedShare", d.delayAtUsedShare, 0.0, 1.0);
        double refuse = settings.fraction("admission.refuseAtUsedShare", d.refuseAtUsedShare,
                0.0, 1.0);
        double hysteresis = settings.fraction("admission.hysteresis", d.hysteresis, 0.0, 0.5);
        long minAvailable = settings.integer("admission.minAvailableBytes", 0, 0, Long.MAX_VALUE);
        double psiDelay = settings.fraction("admission.psiDelayAtSomeAvg10",
                d.psiDelayAtSomeAvg10, 0.0, 100.0);
        double psiRefuse = settings.fraction("admission.psiRefuseAtFullAvg10",
                d.psiRefuseAtFullAvg10, 0.0, 100.0);
        UnknownPolicy unknown = parsePolicy(settings);
        Duration interval = settings.duration("admission.interval", d.interval,
                Duration.ofMillis(100), Duration.ofMinutes(1));
        long workerBytes = settings.integer("admission.defaultWorkerBytes", d.defaultWorkerBytes,
                1, Long.MAX_VALUE);
        Duration timeout = settings.duration("admission.reservationTimeout",
                d.reservationTimeout, Duration.ofSeconds(1), Duration.ofHours(1));
        checkCrossKeys(settings, delay, refuse, hysteresis);
        return new AdmissionSettings(delay, refuse, hysteresis, minAvailable, psiDelay, psiRefuse,
                unknown, interval, workerBytes, timeout, BudgetSettings.from(settings));
    }

    private static void checkCrossKeys(Settings settings, double delay, double refuse,
            double hysteresis) {
        if (delay >= refuse) {
            settings.problem("admission.delayAtUsedShare", Double.toString(delay),
                    "must be below admission.refuseAtUsedShare (" + refuse + ")");
        }
        if (hysteresis >= delay) {
            settings.problem("admission.hysteresis", Double.toString(hysteresis),
                    "must be below admission.delayAtUsedShare (" + delay + ")");
        }
    }

    private static UnknownPolicy parsePolicy(Settings settings) {
        String text = settings.string("admission.unknownPolicy", "delay");
        try {
            return UnknownPolicy.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            settings.problem("admission.unknownPolicy", text, "must be delay, refuse or admit");
            return UnknownPolicy.DELAY;
        }
    }

    /** Returns a copy that reads the budget with {@code otherBudget}. */
    public AdmissionSettings withBudget(BudgetSettings otherBudget) {
        return new AdmissionSettings(delayAtUsedShare, refuseAtUsedShare, hysteresis,
                minAvailableBytes, psiDelayAtSomeAvg10, psiRefuseAtFullAvg10, unknownPolicy,
                interval, defaultWorkerBytes, reservationTimeout, otherBudget);
    }

    /** Returns true when the stall figures reach either PSI threshold. */
    public boolean showsPressure(Psi psi) {
        return psi != null && (psi.someAvg10() >= psiDelayAtSomeAvg10
                || psi.fullAvg10() >= psiRefuseAtFullAvg10);
    }
}
