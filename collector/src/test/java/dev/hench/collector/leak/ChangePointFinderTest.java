package dev.hench.collector.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangePointFinderTest {

    private final ChangePointFinder finder = new ChangePointFinder(60, 6);

    @Test
    void findsWhereGrowthStops() {
        double[] t = TrendFitterTest.minutes(60);
        double[] y = new double[60];
        Random random = new Random(5);
        for (int i = 0; i < 60; i++) {
            y[i] = Math.min(i, 30) * 2.0 + random.nextGaussian() * 0.5;
        }
        int start = finder.latestRegimeStart(t, y, 60, 0.1);
        assertThat(start).isBetween(28, 33);
    }

    @Test
    void keepsOneRegimeForAStraightNoisyLine() {
        double[] t = TrendFitterTest.minutes(60);
        double[] y = new double[60];
        Random random = new Random(9);
        for (int i = 0; i < 60; i++) {
            y[i] = i * 0.5 + random.nextGaussian() * 2;
        }
        assertThat(finder.latestRegimeStart(t, y, 60, 0.1)).isZero();
    }

    @Test
    void keepsOneRegimeForAStaircase() {
        double[] t = TrendFitterTest.minutes(60);
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            y[i] = 20.0 * Math.floor(i / 10.0);
        }
        assertThat(finder.latestRegimeStart(t, y, 60, 0.1)).isZero();
    }

    @Test
    void ignoresAChangeSmallerThanTheGate() {
        double[] t = TrendFitterTest.minutes(40);
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            y[i] = i < 20 ? i * 0.01 : 0.2 + (i - 20) * 0.02;
        }
        assertThat(finder.latestRegimeStart(t, y, 40, 1.0)).isZero();
    }
}
