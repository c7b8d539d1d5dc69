package dev.hench.collector.leak;

import dev.hench.collector.alert.Level;
import dev.hench.collector.alert.Signal;
import dev.hench.collector.signal.Observation;
import java.time.Duration;

/** Judges the GC signal: a death spiral is critical now, whatever the heap's slope says. */
final class GcVerdicts {

    private GcVerdicts() {
    }

    static Verdict judge(GcPressureWindow window, long heapMaxBytes, LeakSettings settings,
            long nowMillis) {
        if (!Observation.isPresent(heapMaxBytes)) {
            return Verdict.insufficient(Signal.GC, "gc", nowMillis,
                    "no heap maximum: a full heap cannot be recognised");
        }
        if (!window.coversWindow(nowMillis)) {
            return Verdict.insufficient(Signal.GC, "gc", nowMillis, "less than "
                    + Format.duration(settings.gcWindow()) + " of GC events");
        }
        double pauseShare = window.pauseShare();
        double liveShare = window.lowestAfterShare();
        boolean full = liveShare >= settings.gcLiveShareOfMax();
        boolean busy = Double.isNaN(pauseShare)
                ? window.oldCollections() >= GcPressureWindow.SPIRAL_OLD_COLLECTIONS
                : pauseShare >= settings.gcTimeShare();
        // Runs at every GC event, so the reason is concatenated rather than formatted.
        String pauses = Double.isNaN(pauseShare)
                ? window.oldCollections() + " old, mixed or full collections"
                : "GC pauses took " + Math.round(100 * pauseShare) + "% of the time";
        String reason = pauses + " in the last " + settings.gcWindow().toSeconds()
                + " s; heap after GC at least " + Math.round(100 * liveShare) + "% of max";
        Level level = full && busy ? Level.CRITICAL : Level.NONE;
        Finding finding = full && busy ? Finding.DEATH_SPIRAL : Finding.FLAT;
        return new Verdict(Signal.GC, "gc", level, finding, nowMillis, null, null, null,
                (long) (liveShare * heapMaxBytes), heapMaxBytes,
                full && busy ? Duration.ZERO : null, settings.gcWindow(), null, reason);
    }
}
