package dev.hench.collector.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TrendFitterTest {

    private final TrendFitter fitter = new TrendFitter(60);

    @Test
    void exactLineGivesItsSlopeWithZeroWidthInterval() {
        double[] t = minutes(20);
        double[] y = line(t, 5.0, 100.0);
        TrendFit fit = fitter.fit(t, y, 20);
        assertThat(fit.slopePerMinute()).isCloseTo(5.0, within(1e-9));
        assertThat(fit.slopeLowPerMinute()).isCloseTo(5.0, within(1e-9));
        assertThat(fit.slopeHighPerMinute()).isCloseTo(5.0, within(1e-9));
        assertThat(fit.levelAtEnd()).isCloseTo(100.0 + 5.0 * 19, within(1e-9));
    }

    @Test
    void intervalContainsTrueSlopeUnderNoise() {
        Random random = new Random(7);
        double[] t = minutes(60);
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            y[i] = 2.0 * t[i] + random.nextGaussian() * 3;
        }
        TrendFit fit = fitter.fit(t, y, 60);
        assertThat(fit.slopeLowPerMinute()).isLessThan(2.0);
        assertThat(fit.slopeHighPerMinute()).isGreaterThan(2.0);
        assertThat(fit.slopeHighPerMinute() - fit.slopeLowPerMinute()).isLessThan(1.0);
    }

    @Test
    void outliersDoNotMoveTheSlope() {
        double[] t = minutes(30);
        double[] y = line(t, 1.0, 0.0);
        y[3] += 1000;
        y[17] -= 1000;
        y[25] += 5000;
        assertThat(fitter.fit(t, y, 30).slopePerMinute()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void mannKendallSeesIncreaseAndDecrease() {
        double[] t = minutes(20);
        assertThat(fitter.fit(t, line(t, 1, 0), 20).mannKendallZ()).isGreaterThan(3);
        assertThat(fitter.fit(t, line(t, -1, 0), 20).mannKendallZ()).isLessThan(-3);
        assertThat(fitter.fit(t, line(t, 0, 7), 20).mannKendallZ()).isZero();
    }

    @Test
    void mannKendallStaysInsignificantOnNoise() {
        Random random = new Random(3);
        double[] t = minutes(50);
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            y[i] = random.nextGaussian();
        }
        TrendFit fit = fitter.fit(t, y, 50);
        assertThat(Math.abs(fit.mannKendallZ())).isLessThan(TrendFitter.Z_95);
        assertThat(fit.increasingTrend()).isFalse();
    }

    @Test
    void tooFewPointsAreRejected() {
        assertThatThrownBy(() -> fitter.fit(new double[2], new double[2], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count was 2");
    }

    static double[] minutes(int count) {
        double[] t = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = i;
        }
        return t;
    }

    static double[] line(double[] t, double slope, double intercept) {
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = intercept + slope * t[i];
        }
        return y;
    }
}
