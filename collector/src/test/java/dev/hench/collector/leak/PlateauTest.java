package dev.hench.collector.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlateauTest {

    @Test
    void projectsTheBoundOfAnExponentialApproach() {
        double[] y = new double[45];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1000 - 800 * Math.exp(-i / 15.0);
        }
        assertThat(Plateau.projectedBound(y, y.length)).isCloseTo(1000, within(15.0));
    }

    @Test
    void linearGrowthHasNoBound() {
        double[] y = TrendFitterTest.line(TrendFitterTest.minutes(45), 3, 100);
        assertThat(Plateau.projectedBound(y, y.length)).isNaN();
    }

    @Test
    void tooFewPointsHaveNoBound() {
        assertThat(Plateau.projectedBound(new double[] {1, 2, 3, 3, 3}, 5)).isNaN();
    }

    @Test
    void stepsLostInNoiseHaveNoBound() {
        double[] y = {10, 0, 10, 0, 10, 0, 11, 0, 10, 0, 10, 1};
        assertThat(Plateau.projectedBound(y, y.length)).isNaN();
    }
}
