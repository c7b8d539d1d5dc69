package dev.hench.collector.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class TrendFitterPropertiesTest {

    private final TrendFitter fitter = new TrendFitter(60);

    @Property(tries = 200)
    void slopeIgnoresConstantOffset(@ForAll @LongRange(min = 1, max = 1000) long seed,
            @ForAll @DoubleRange(min = -1e9, max = 1e9) double offset) {
        double[] t = TrendFitterTest.minutes(40);
        double[] y = noisyLine(seed, t, 3.0);
        double[] shifted = y.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += offset;
        }
        TrendFit plain = fitter.fit(t, y, 40);
        TrendFit moved = fitter.fit(t, shifted, 40);
        assertThat(moved.slopePerMinute()).isCloseTo(plain.slopePerMinute(), within(1e-3));
        assertThat(moved.mannKendallZ()).isEqualTo(plain.mannKendallZ());
    }

    @Property(tries = 200)
    void fewOutliersBarelyMoveTheSlope(@ForAll @LongRange(min = 1, max = 1000) long seed,
            @ForAll @IntRange(min = 1, max = 4) int outliers) {
        double[] t = TrendFitterTest.minutes(50);
        double[] y = noisyLine(seed, t, 2.0);
        double before = fitter.fit(t, y, 50).slopePerMinute();
        Random random = new Random(seed);
        for (int i = 0; i < outliers; i++) {
            y[random.nextInt(50)] += (random.nextBoolean() ? 1 : -1) * 1e6;
        }
        double after = fitter.fit(t, y, 50).slopePerMinute();
        assertThat(after).isCloseTo(before, within(0.5));
    }

    @Property(tries = 100)
    void slopeScalesWithValues(@ForAll @LongRange(min = 1, max = 1000) long seed,
            @ForAll @DoubleRange(min = 0.01, max = 1000) double factor) {
        double[] t = TrendFitterTest.minutes(30);
        double[] y = noisyLine(seed, t, 1.0);
        double[] scaled = y.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= factor;
        }
        double slope = fitter.fit(t, y, 30).slopePerMinute();
        assertThat(fitter.fit(t, scaled, 30).slopePerMinute())
                .isCloseTo(slope * factor, within(1e-6 * Math.max(1, Math.abs(slope * factor))));
    }

    private static double[] noisyLine(long seed, double[] t, double slope) {
        Random random = new Random(seed);
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = slope * t[i] + random.nextGaussian() * 5;
        }
        return y;
    }
}
