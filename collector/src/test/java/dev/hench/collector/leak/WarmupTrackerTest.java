package dev.hench.collector.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.signal.Observation;
import org.junit.jupiter.api.Test;

class WarmupTrackerTest {

    @Test
    void endsWhenCompileAndClassRatesSettle() {
        WarmupTracker warmup = new WarmupTracker();
        for (int second = 0; second <= 600; second += 5) {
            double decay = 1 - Math.exp(-second / 40.0);
            warmup.observe(Observation.at(second * 1000L)
                    .counters(Math.round(8000 * decay), Math.round(5000 * decay)).build());
        }
        assertThat(warmup.isOver()).isTrue();
        assertThat(warmup.endMillis()).isBetween(120_000L, 240_000L);
        assertThat(warmup.endReason()).contains("settled");
    }

    @Test
    void steadyClassLoadingBelowPeakStillEnds() {
        WarmupTracker warmup = new WarmupTracker();
        for (int second = 0; second <= 900; second += 5) {
            double decay = 1 - Math.exp(-second / 40.0);
            long classes = Math.round(5000 * decay + second * 5.0);
            warmup.observe(Observation.at(second * 1000L)
                    .counters(Math.round(8000 * decay), classes).build());
        }
        assertThat(warmup.isOver()).isTrue();
        assertThat(warmup.endMillis()).isLessThan(300_000L);
    }

    @Test
    void withoutCountersFallsBackAfterTenMinutes() {
        WarmupTracker warmup = new WarmupTracker();
        for (int second = 0; second < 600; second += 10) {
            warmup.observe(Observation.at(second * 1000L).rssBytes(1).build());
        }
        assertThat(warmup.isOver()).isFalse();
        assertThat(warmup.progress()).contains("no JIT or class-loading counters");
        warmup.observe(Observation.at(600_000L).rssBytes(1).build());
        assertThat(warmup.isOver()).isTrue();
    }

    @Test
    void ratesThatNeverSettleEndAfterTwentyMinutes() {
        WarmupTracker warmup = new WarmupTracker();
        for (int second = 0; second <= 1200; second += 10) {
            long grows = (long) second * second;
            warmup.observe(Observation.at(second * 1000L).counters(grows, grows).build());
        }
        assertThat(warmup.isOver()).isTrue();
        assertThat(warmup.endReason()).contains("still high");
    }
}
