package dev.hench.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void ceilingDoublesUpToCap() {
        List<Long> bounds = new ArrayList<>();
        ReconnectBackoff backoff = new ReconnectBackoff(200, 30_000, bound -> {
            bounds.add(bound);
            return bound - 1;
        });

        for (int i = 0; i < 10; i++) {
            backoff.nextDelayMillis();
        }

        assertThat(bounds).containsExactly(200L, 400L, 800L, 1_600L, 3_200L, 6_400L, 12_800L, 25_600L,
                30_000L, 30_000L);
    }

    @Test
    void delayIsTheJitteredDraw() {
        ReconnectBackoff backoff = new ReconnectBackoff(200, 30_000, bound -> bound / 2);

        assertThat(backoff.nextDelayMillis()).isEqualTo(100);
        assertThat(backoff.nextDelayMillis()).isEqualTo(200);
    }

    @Test
    void resetStartsOver() {
        ReconnectBackoff backoff = new ReconnectBackoff(200, 30_000, bound -> bound);
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();

        backoff.reset();

        assertThat(backoff.nextDelayMillis()).isEqualTo(200);
    }

    @Test
    void manyFailuresDoNotOverflow() {
        ReconnectBackoff backoff = new ReconnectBackoff(200, 30_000, bound -> bound);
        long last = 0;
        for (int i = 0; i < 200; i++) {
            last = backoff.nextDelayMillis();
        }

        assertThat(last).isEqualTo(30_000);
    }
}
