package dev.hench.collector.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class WallClockScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static WallClockSchedule daily(String time) {
        return new WallClockSchedule(List.of(LocalTime.parse(time)), BERLIN);
    }

    @Test
    void nextRunIsTodayWhenTimeIsAhead() {
        Instant next = daily("03:30").nextAfter(Instant.parse("2026-06-15T00:00:00Z"));
        assertThat(next).isEqualTo(Instant.parse("2026-06-15T01:30:00Z"));
    }

    @Test
    void pastTimeRunsTomorrow() {
        WallClockSchedule schedule = daily("03:30");
        assertThat(schedule.nextAfter(Instant.parse("2026-06-15T01:30:00Z")))
                .isEqualTo(Instant.parse("2026-06-16T01:30:00Z"));
    }

    @Test
    void springForwardKeepsLocalTime() {
        // 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 03:30 is at 01:30 UTC, not 02:30.
        Instant next = daily("03:30").nextAfter(Instant.parse("2026-03-28T12:00:00Z"));
        assertThat(next).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(daily("03:30").nextAfter(next)).isEqualTo(Instant.parse("2026-03-30T01:30:00Z"));
    }

    @Test
    void timeInsideSpringGapRunsAfterGap() {
        // 02:30 does not exist on 29 March 2026 in Berlin; it runs at 03:30 CEST.
        Instant next = daily("02:30").nextAfter(Instant.parse("2026-03-28T12:00:00Z"));
        assertThat(next).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void timeRepeatedInFallBackRunsOnce() {
        // 25 October 2026: 03:00 CEST goes back to 02:00 CET, so 02:30 happens twice.
        WallClockSchedule schedule = daily("02:30");
        Instant first = schedule.nextAfter(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(schedule.nextAfter(first)).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void fallBackDayKeepsLocalTime() {
        Instant next = daily("03:30").nextAfter(Instant.parse("2026-10-24T12:00:00Z"));
        assertThat(next).isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
    }

    @Test
    void yearOfRunsDoesNotDrift() {
        WallClockSchedule schedule = daily("03:30");
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int day = 0; day < 365; day++) {
            at = schedule.nextAfter(at.plusMillis(1234));
            assertThat(at.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        }
        assertThat(at.atZone(BERLIN).toLocalDate()).hasToString("2026-12-31");
    }

    @Test
    void severalTimesPerDayRunInOrder() {
        WallClockSchedule schedule = new WallClockSchedule(
                List.of(LocalTime.of(15, 0), LocalTime.of(3, 30)), ZoneId.of("UTC"));
        Instant first = schedule.nextAfter(Instant.parse("2026-06-15T04:00:00Z"));
        assertThat(first).isEqualTo(Instant.parse("2026-06-15T15:00:00Z"));
        assertThat(schedule.nextAfter(first)).isEqualTo(Instant.parse("2026-06-16T03:30:00Z"));
    }
}
