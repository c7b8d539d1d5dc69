package dev.hench.collector.admission;

import dev.hench.collector.budget.MacPressure;
import dev.hench.collector.budget.MemoryBudget;
import dev.hench.collector.budget.Psi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a budget reading into an admission level. Stateless: the previous level is passed in,
 * so that the same reading can give a different level on the way down (hysteresis).
 *
 * <p>Rules, each of which can only raise the level:
 * <ul>
 *   <li>used share at or above {@code refuseAtUsedShare}: REFUSE; at or above
 *       {@code delayAtUsedShare}: DELAY. Reserved bytes of just-admitted workers count as used.
 *       Coming down from a level needs the share to fall {@code hysteresis} below its
 *       threshold.</li>
 *   <li>available below {@code minAvailableBytes}, or below the size of the next worker:
 *       REFUSE.</li>
 *   <li>PSI: some avg10 at or above {@code psiDelayAtSomeAvg10}: DELAY; full avg10 at or above
 *       {@code psiRefuseAtFullAvg10}: REFUSE.</li>
 *   <li>macOS pressure warning: DELAY; critical: REFUSE.</li>
 * </ul>
 */
final class AdmissionRules {

    private final AdmissionSettings settings;

    AdmissionRules(AdmissionSettings settings) {
        this.settings = settings;
    }

    /**
     * Decides the level.
     *
     * @param previous        the level of the last decision, NORMAL at start
     * @param reservedBytes   bytes held for admitted workers not yet visible in the budget
     * @param nextWorker      the expected size of the next worker, or null when unknown
     */
    AdmissionDecision decide(MemoryBudget budget, AdmissionLevel previous, long reservedBytes,
            WorkerSize nextWorker, long nowMillis) {
        long nextBytes = nextWorker == null ? -1 : nextWorker.bytes();
        String nextSource = nextWorker == null ? "unknown" : nextWorker.source();
        if (!budget.known()) {
            List<String> reasons = new ArrayList<>(budget.unknownReasons());
            reasons.add("budget unknown; admission.unknownPolicy="
                    + settings.unknownPolicy().name().toLowerCase(Locale.ROOT));
            return new AdmissionDecision(AdmissionLevel.UNKNOWN,
                    Verdict.of(AdmissionLevel.UNKNOWN, settings.unknownPolicy()), reasons, budget,
                    reservedBytes, -1, Double.NaN, nextBytes, nextSource, nowMillis);
        }
        long budgetBytes = budget.effectiveBudget().bytes();
        long available = Math.max(0, budget.available().bytes() - reservedBytes);
        double share = budgetBytes == 0 ? 1.0 : 1.0 - (double) available / budgetBytes;
        List<String> reasons = new ArrayList<>();
        AdmissionLevel level = byShare(share, previous, budget, reservedBytes, reasons);
        level = level.atLeast(byBytesLeft(available, nextWorker, reasons));
        level = level.atLeast(byPsi(budget.psi(), reasons));
        level = level.atLeast(byMacPressure(budget.macPressure(), reasons));
        return new AdmissionDecision(level, Verdict.of(level, settings.unknownPolicy()), reasons,
                budget, reservedBytes, available, share, nextBytes, nextSource, nowMillis);
    }

    private AdmissionLevel byShare(double share, AdmissionLevel previous, MemoryBudget budget,
            long reservedBytes, List<String> reasons) {
        boolean wasRefusing = previous == AdmissionLevel.REFUSE;
        boolean wasDelaying = wasRefusing || previous == AdmissionLevel.DELAY;
        double refuseAt = settings.refuseAtUsedShare() - (wasRefusing ? settings.hysteresis() : 0);
        double delayAt = settings.delayAtUsedShare() - (wasDelaying ? settings.hysteresis() : 0);
        String used = "used " + ByteText.percent(share) + " of "
                + ByteText.bytes(budget.effectiveBudget().bytes())
                + (budget.limit() != null ? " cgroup limit" : " host memory")
                + (reservedBytes > 0 ? " counting " + ByteText.bytes(reservedBytes)
                        + " reserved for admitted workers" : "");
        if (share >= refuseAt) {
            reasons.add(used + " (refuse at " + ByteText.percent(refuseAt) + ")");
            return AdmissionLevel.REFUSE;
        }
        if (share >= delayAt) {
            reasons.add(used + " (delay at " + ByteText.percent(delayAt) + ")");
            return AdmissionLevel.DELAY;
        }
        reasons.add(used);
        return AdmissionLevel.NORMAL;
    }

    private AdmissionLevel byBytesLeft(long available, WorkerSize nextWorker,
            List<String> reasons) {
        if (available < settings.minAvailableBytes()) {
            reasons.add(ByteText.bytes(available) + " available, below admission.minAvailableBytes "
                    + ByteText.bytes(settings.minAvailableBytes()));
            return AdmissionLevel.REFUSE;
        }
        if (nextWorker != null && available < nextWorker.bytes()) {
            reasons.add("next worker needs about " + ByteText.bytes(nextWorker.bytes()) + " ("
                    + nextWorker.source() + ") but only " + ByteText.bytes(available)
                    + " is available");
            return AdmissionLevel.REFUSE;
        }
        return AdmissionLevel.NORMAL;
    }

    private AdmissionLevel byPsi(Psi psi, List<String> reasons) {
        if (psi == null) {
            return AdmissionLevel.NORMAL;
        }
        if (psi.fullAvg10() >= settings.psiRefuseAtFullAvg10()) {
            reasons.add(String.format(Locale.ROOT, "all tasks stalled on memory %.2f %% of the "
                    + "last 10 s (%s)", psi.fullAvg10(), psi.source()));
            return AdmissionLevel.REFUSE;
        }
        if (psi.someAvg10() >= settings.psiDelayAtSomeAvg10()) {
            reasons.add(String.format(Locale.ROOT, "some tasks stalled on memory %.2f %% of the "
                    + "last 10 s (%s)", psi.someAvg10(), psi.source()));
            return AdmissionLevel.DELAY;
        }
        return AdmissionLevel.NORMAL;
    }

    private static AdmissionLevel byMacPressure(MacPressure pressure, List<String> reasons) {
        if (pressure == null || pressure.level() == MacPressure.NORMAL) {
            return AdmissionLevel.NORMAL;
        }
        reasons.add("macOS memory pressure is " + pressure.label() + " (" + pressure.source() + ")");
        return pressure.level() >= MacPressure.CRITICAL ? AdmissionLevel.REFUSE
                : AdmissionLevel.DELAY;
    }
}
