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
        String pauses = Double.isNaN(pauseShare)
                ? window.oldCollections() + " old, mixed or full collections"
                : String.format("GC pauses took %.0f%% of the time", 100 * pauseShare);
        String reason = String.format("%s in the last %s; heap after GC at least %.0f%% of max",
                pauses, Format.duration(settings.gcWindow()), 100 * liveShare);
        Level level = full && busy ? Level.CRITICAL : Level.NONE;
        Finding finding = full && busy ? Finding.DEATH_SPIRAL : Finding.FLAT;
        return new Verdict(Signal.GC, "gc", level, finding, nowMillis, null, null, null,
                (long) (liveShare * heapMaxBytes), heapMaxBytes,
                full && busy ? Duration.ZERO : null, settings.gcWindow(), null, reason);
    }
}
