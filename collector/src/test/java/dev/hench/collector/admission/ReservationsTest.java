package dev.hench.collector.admission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReservationsTest {

    private final Reservations reservations = new Reservations(60_000);

    @Test
    void heldUntilUsageGrowsByTheirSum() {
        reservations.add(300, 1000, 0);
        reservations.add(200, 1000, 10);

        assertThat(reservations.pendingBytes(1000, 20)).isEqualTo(500);
        assertThat(reservations.pendingBytes(1300, 30)).isEqualTo(200);
        assertThat(reservations.pendingBytes(1500, 40)).isZero();
        assertThat(reservations.count()).isZero();
    }

    @Test
    void expireAfterTimeout() {
        reservations.add(300, 1000, 0);

        assertThat(reservations.pendingBytes(1000, 59_999)).isEqualTo(300);
        assertThat(reservations.pendingBytes(1000, 60_000)).isZero();
    }

    @Test
    void shrinkingUsageKeepsThem() {
        reservations.add(300, 1000, 0);

        assertThat(reservations.pendingBytes(700, 10)).isEqualTo(300);
    }

    @Test
    void growthSeenStaysCounted() {
        reservations.add(300, 1000, 0);

        assertThat(reservations.pendingBytes(1250, 10)).isEqualTo(50);
        assertThat(reservations.pendingBytes(1000, 20)).isEqualTo(50);
    }

    @Test
    void unknownStartWaitsForFirstReading() {
        reservations.add(300, -1, 0);

        assertThat(reservations.pendingBytes(-1, 10)).isEqualTo(300);
        assertThat(reservations.pendingBytes(5000, 20)).isEqualTo(300);
        assertThat(reservations.pendingBytes(5300, 30)).isZero();
    }
}
