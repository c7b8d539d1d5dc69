package dev.hench.collector.housekeeping;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the runs inside the warning window at most once per local day: how many, and how many are
 * due on each deletion day. Not thread-safe.
 */
final class ExpiryAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryAnnouncer.class);

    private final ZoneId zone;
    private LocalDate lastAnnounced;

    ExpiryAnnouncer(ZoneId zone) {
        this.zone = zone;
    }

    /** Logs {@code report}'s expiring runs unless they were already announced today. */
    void announce(PassReport report) {
        LocalDate today = LocalDate.ofInstant(report.now(), zone);
        if (today.equals(lastAnnounced) || report.expiring().isEmpty()) {
            return;
        }
        lastAnnounced = today;
        LOG.warn("{} runs are inside the retention warning window and will be deleted; "
                + "runs due per day: {}; list them with 'collector runs --runs DIR --expiring'",
                report.expiring().size(), countByDeletionDay(report.expiring(), zone));
    }

    static Map<LocalDate, Integer> countByDeletionDay(List<ExpiringRun> runs, ZoneId zone) {
        Map<LocalDate, Integer> counts = new TreeMap<>();
        for (ExpiringRun run : runs) {
            counts.merge(LocalDate.ofInstant(run.deletionDue(), zone), 1, Integer::sum);
        }
        return counts;
    }
}
