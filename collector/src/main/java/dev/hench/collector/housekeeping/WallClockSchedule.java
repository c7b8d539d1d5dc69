package dev.hench.collector.housekeeping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Daily wall-clock times in a time zone, for example 03:30 in Europe/Berlin. The next run is
 * computed from the current instant each time, so the schedule does not drift however long the
 * collector runs.
 *
 * <p>On a daylight-saving change a time that falls into the gap (the clock jumps from 02:00 to
 * 03:00) runs at the same offset after the gap, 02:30 becoming 03:30; a time that occurs twice
 * (the clock goes back) runs once, at its first occurrence. Immutable.
 */
public record WallClockSchedule(List<LocalTime> times, ZoneId zone) {

    public WallClockSchedule {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("a schedule needs at least one time of day");
        }
        times = List.copyOf(times);
    }

    /** Returns the first scheduled instant strictly after {@code now}. */
    public Instant nextAfter(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant best = null;
        for (LocalDate day = today.minusDays(1); !day.isAfter(today.plusDays(1));
                day = day.plusDays(1)) {
            for (LocalTime time : times) {
                Instant candidate = ZonedDateTime.of(day, time, zone).toInstant();
                if (candidate.isAfter(now) && (best == null || candidate.isBefore(best))) {
                    best = candidate;
                }
            }
        }
        return best;
    }
}
