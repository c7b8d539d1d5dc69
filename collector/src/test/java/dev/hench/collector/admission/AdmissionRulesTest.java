package dev.hench.collector.admission;

import static dev.hench.collector.admission.Budgets.GIB;
import static dev.hench.collector.admission.Budgets.availableAtShare;
import static dev.hench.collector.admission.Budgets.limited;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.budget.MacPressure;
import dev.hench.collector.budget.MemoryBudget;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionRulesTest {

    private final AdmissionRules rules = new AdmissionRules(AdmissionSettings.defaults());

    private AdmissionLevel level(MemoryBudget budget, AdmissionLevel previous) {
        return rules.decide(budget, previous, 0, null, 0).level();
    }

    @Test
    void levelsFollowDefaultThresholds() {
        assertThat(level(limited(availableAtShare(0.79)), AdmissionLevel.NORMAL))
                .isEqualTo(AdmissionLevel.NORMAL);
        assertThat(level(limited(availableAtShare(0.80)), AdmissionLevel.NORMAL))
                .isEqualTo(AdmissionLevel.DELAY);
        assertThat(level(limited(availableAtShare(0.89)), AdmissionLevel.NORMAL))
                .isEqualTo(AdmissionLevel.DELAY);
        assertThat(level(limited(availableAtShare(0.90)), AdmissionLevel.NORMAL))
                .isEqualTo(AdmissionLevel.REFUSE);
    }

    @Test
    void hysteresisHoldsLevelOnTheWayDown() {
        assertThat(level(limited(availableAtShare(0.87)), AdmissionLevel.REFUSE))
                .isEqualTo(AdmissionLevel.REFUSE);
        assertThat(level(limited(availableAtShare(0.84)), AdmissionLevel.REFUSE))
                .isEqualTo(AdmissionLevel.DELAY);
        assertThat(level(limited(availableAtShare(0.77)), AdmissionLevel.DELAY))
                .isEqualTo(AdmissionLevel.DELAY);
        assertThat(level(limited(availableAtShare(0.74)), AdmissionLevel.DELAY))
                .isEqualTo(AdmissionLevel.NORMAL);
    }

    @Test
    void reservationsCountAsUsed() {
        AdmissionDecision decision = rules.decide(limited(availableAtShare(0.5)),
                AdmissionLevel.NORMAL, GIB / 3, null, 0);

        assertThat(decision.level()).isEqualTo(AdmissionLevel.DELAY);
        assertThat(decision.availableBytes()).isEqualTo(availableAtShare(0.5) - GIB / 3);
    }

    @Test
    void nextWorkerThatDoesNotFitIsRefused() {
        WorkerSize worker = new WorkerSize(400L << 20, "typical peak RSS of the workers seen");

        AdmissionDecision decision = rules.decide(limited(300L << 20), AdmissionLevel.NORMAL, 0,
                worker, 0);

        assertThat(decision.level()).isEqualTo(AdmissionLevel.REFUSE);
        assertThat(decision.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(decision.reasons()).anyMatch(r -> r.startsWith("next worker needs about 400.0 MiB"));
    }

    @Test
    void minAvailableBytesRefuses() {
        AdmissionSettings settings = AdmissionSettings.defaults();
        settings = new AdmissionSettings(0.8, 0.9, 0.05, 600L << 20, 20, 10,
                UnknownPolicy.DELAY, settings.interval(), settings.defaultWorkerBytes(),
                settings.reservationTimeout(), settings.budget());

        AdmissionDecision decision = new AdmissionRules(settings).decide(
                limited(availableAtShare(0.5)), AdmissionLevel.NORMAL, 0, null, 0);

        assertThat(decision.level()).isEqualTo(AdmissionLevel.REFUSE);
    }

    @Test
    void psiRaisesLevelWhileBytesLookFine() {
        MemoryBudget someStall = Budgets.withPressure(availableAtShare(0.3),
                Budgets.psi(25, 2), null);
        MemoryBudget fullStall = Budgets.withPressure(availableAtShare(0.3),
                Budgets.psi(40, 12), null);

        assertThat(level(someStall, AdmissionLevel.NORMAL)).isEqualTo(AdmissionLevel.DELAY);
        assertThat(level(fullStall, AdmissionLevel.NORMAL)).isEqualTo(AdmissionLevel.REFUSE);
    }

    @Test
    void macPressureRaisesLevel() {
        MacPressure warning = new MacPressure(MacPressure.WARNING, "/sysctl.txt:k");
        MacPressure critical = new MacPressure(MacPressure.CRITICAL, "/sysctl.txt:k");

        assertThat(level(Budgets.withPressure(availableAtShare(0.3), null, warning),
                AdmissionLevel.NORMAL)).isEqualTo(AdmissionLevel.DELAY);
        assertThat(level(Budgets.withPressure(availableAtShare(0.3), null, critical),
                AdmissionLevel.NORMAL)).isEqualTo(AdmissionLevel.REFUSE);
    }

    @Test
    void unknownBudgetIsNeverNormal() {
        MemoryBudget unknown = MemoryBudget.unknown("linux", "/proc/meminfo not found", List.of());

        AdmissionDecision decision = rules.decide(unknown, AdmissionLevel.NORMAL, 0, null, 0);

        assertThat(decision.level()).isEqualTo(AdmissionLevel.UNKNOWN);
        assertThat(decision.verdict()).isEqualTo(Verdict.WAIT);
        assertThat(decision.reasons()).first().isEqualTo("/proc/meminfo not found");
    }

    @Test
    void unknownPolicyDecidesVerdict() {
        assertThat(Verdict.of(AdmissionLevel.UNKNOWN, UnknownPolicy.REFUSE))
                .isEqualTo(Verdict.REJECT);
        assertThat(Verdict.of(AdmissionLevel.UNKNOWN, UnknownPolicy.ADMIT))
                .isEqualTo(Verdict.ADMIT);
        assertThat(Verdict.of(AdmissionLevel.UNKNOWN, UnknownPolicy.DELAY))
                .isEqualTo(Verdict.WAIT);
    }
}
