package dev.hench.collector.leak;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.Signal;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Everything the detector keeps about one worker series, in fixed memory: one history per
 * signal, warmup, GC window, cycle boundaries, and a track per analysed series. Fits run on a
 * schedule in data time ({@link LeakSettings#refitInterval()}); the heap is also fitted after an
 * old, mixed or full collection, at most every 15 s. So the cost per observation does not grow
 * with the history.
 *
 * <p>Not thread-safe: one thread at a time per worker, as {@link LeakDetector} promises.
 */
final class WorkerState {

    static final String NO_GC_EVENTS = "no GC events: heap after GC is unknown (JFR missing "
            + "or its GC events disabled in the agent)";

    /** Young-GC values are reduced to one minimum per window of this length. */
    static final long YOUNG_WINDOW_MILLIS = 5 * 60_000;
    /** Minimum data time between two heap fits triggered by old, mixed or full collections. */
    static final long MIN_HEAP_REFIT_GAP_MILLIS = 15_000;

    private final WorkerKey worker;
    private final LeakSettings settings;
    private final ToLongFunction<WorkerKey> memoryLimitBytes;
    private final WarmupTracker warmup = new WarmupTracker();
    private final SeriesHistory heapOld = new SeriesHistory();
    private final SeriesHistory heapYoung = new SeriesHistory();
    private final SeriesHistory metaspace = new SeriesHistory();
    private final SeriesHistory nativeOther = new SeriesHistory();
    private final SeriesHistory direct = new SeriesHistory();
    private final GcPressureWindow gcWindow;
    private final CycleTracker cycles = new CycleTracker();
    private final SeriesTrack heapTrack;
    private final SeriesTrack metaspaceTrack;
    private final SeriesTrack nativeTrack;
    private final SeriesTrack directTrack;
    private final SeriesTrack gcTrack;
    private final ObservedLimits limits = new ObservedLimits();
    private long lastRefitMillis = Long.MIN_VALUE;
    private long lastHeapRefitMillis = Long.MIN_VALUE;

    WorkerState(WorkerKey worker, LeakSettings settings,
            ToLongFunction<WorkerKey> memoryLimitBytes) {
        this.worker = worker;
        this.settings = settings;
        this.memoryLimitBytes = memoryLimitBytes;
        this.gcWindow = new GcPressureWindow(settings.gcWindow().toMillis());
        this.heapTrack = new SeriesTrack(worker, Signal.HEAP, "heap");
        this.metaspaceTrack = new SeriesTrack(worker, Signal.METASPACE, "metaspace");
        this.nativeTrack = new SeriesTrack(worker, Signal.NATIVE, "native");
        this.directTrack = new SeriesTrack(worker, Signal.NATIVE, "direct");
        this.gcTrack = new SeriesTrack(worker, Signal.GC, "gc");
    }

    /** Returns true when {@code observation} can only come from a new JVM (counters fell). */
    boolean isRestart(Observation observation) {
        return limits.isRestart(observation);
    }

    /** Feeds one observation; returns the alert transitions it caused. */
    List<Alert> observe(Observation observation, FitScratch scratch) {
        long now = observation.timeMillis();
        warmup.observe(observation);
        limits.observe(observation);
        cycles.observe(observation, warmup.isOver());
        List<Alert> alerts = List.of();
        if (observation.isGcEvent()) {
            alerts = observeGc(observation);
        }
        observeSample(observation);
        if (refitDue(now)) {
            lastRefitMillis = now;
            lastHeapRefitMillis = now;
            alerts = concat(alerts, refit(now, scratch));
        } else if (heapRefitDue(observation, now)) {
            lastHeapRefitMillis = now;
            alerts = concat(alerts, heapTrack.accept(judgeHeap(now, scratch)));
        }
        return alerts;
    }

    private List<Alert> observeGc(Observation gc) {
        if (gc.gcKind().reachesOldGeneration()) {
            heapOld.add(gc.timeMillis(), gc.heapAfterGcBytes());
        } else {
            heapYoung.add(gc.timeMillis(), gc.heapAfterGcBytes());
        }
        gcWindow.add(gc, limits.heapMaxBytes());
        return gcTrack.accept(GcVerdicts.judge(gcWindow, limits.heapMaxBytes(), settings,
                gc.timeMillis()));
    }

    private void observeSample(Observation sample) {
        long now = sample.timeMillis();
        if (Observation.isPresent(sample.metaspaceBytes())) {
            metaspace.add(now, sample.metaspaceBytes());
        }
        if (Observation.isPresent(sample.directBytes())) {
            direct.add(now, sample.directBytes());
        }
        long nativeBytes = NativeMemory.otherBytes(sample);
        if (Observation.isPresent(nativeBytes)) {
            nativeOther.add(now, nativeBytes);
        }
    }

    private boolean refitDue(long now) {
        return lastRefitMillis == Long.MIN_VALUE
                || now - lastRefitMillis >= settings.refitInterval().toMillis();
    }

    /** Returns true after a new heap floor value, so a fast heap leak is seen between fits. */
    private boolean heapRefitDue(Observation observation, long now) {
        boolean oldGc = observation.isGcEvent() && observation.gcKind().reachesOldGeneration();
        return oldGc && warmup.isOver() && now - lastHeapRefitMillis >= MIN_HEAP_REFIT_GAP_MILLIS;
    }

    private List<Alert> refit(long now, FitScratch scratch) {
        if (!warmup.isOver()) {
            return warmingUp(now);
        }
        List<Alert> alerts = new ArrayList<>(0);
        if (gcWindow.size() == 0) {
            gcTrack.accept(Verdict.insufficient(Signal.GC, "gc", now, NO_GC_EVENTS));
        }
        alerts.addAll(heapTrack.accept(judgeHeap(now, scratch)));
        alerts.addAll(metaspaceTrack.accept(judgeMetaspace(now, scratch)));
        alerts.addAll(nativeTrack.accept(judgeNative(now, scratch)));
        alerts.addAll(directTrack.accept(judgeDirect(now, scratch)));
        return alerts;
    }

    private List<Alert> warmingUp(long now) {
        String reason = warmup.progress();
        for (SeriesTrack track : List.of(heapTrack, metaspaceTrack, nativeTrack, directTrack)) {
            track.accept(Verdict.insufficient(track.signal(), track.source(), now, reason));
        }
        return List.of();
    }

    private Verdict judgeHeap(long now, FitScratch scratch) {
        long limit = limits.heapMaxBytes();
        if (cycles.phasesSeen()) {
            return judgeCycles(now, scratch, limit);
        }
        if (heapOld.isEmpty() && heapYoung.isEmpty()) {
            return Verdict.insufficient(Signal.HEAP, "heap", now, NO_GC_EVENTS);
        }
        long from = heapTrack.regimeStartMillis(warmup.endMillis());
        heapOld.floorPoints(from, scratch.points);
        int oldPoints = scratch.points.size();
        if (oldPoints > 0) {
            // Young-GC values would mix garbage that old collections later free into the floor.
            TrendJudge.Series series = new TrendJudge.Series(Signal.HEAP, "heap", limit, true,
                    null, "old, mixed or full collections");
            return judgeRegime(heapTrack, heapOld, series, now, scratch, 1);
        }
        TrendJudge.Series series = new TrendJudge.Series(Signal.HEAP, "heap", limit, true,
                settings.maxEvidence(), "5-minute minima of young collections");
        return judgeRegime(heapTrack, heapYoung, series, now, scratch, YOUNG_WINDOW_MILLIS);
    }

    private Verdict judgeCycles(long now, FitScratch scratch, long limit) {
        if (cycles.boundaries() < LeakSettings.MIN_CYCLES) {
            return Verdict.insufficient(Signal.HEAP, "heap", now, "phases marked: "
                    + cycles.boundaries() + " of " + LeakSettings.MIN_CYCLES
                    + " cycle boundaries after warmup to compare the heap across runs");
        }
        cycles.boundaryPoints(scratch.points);
        // The evidence span applies here too. Without it a clean G1 worker (JDK 17, 4 s cycles)
        // was raised critical when the floor at its boundaries crept up 3 MiB over 7 cycles.
        TrendJudge.Series series = new TrendJudge.Series(Signal.HEAP, "heap", limit, true, null,
                "cycle boundaries");
        return scratch.judge.judge(series, scratch.points, now);
    }

    private Verdict judgeMetaspace(long now, FitScratch scratch) {
        if (metaspace.isEmpty()) {
            return Verdict.insufficient(Signal.METASPACE, "metaspace", now,
                    "no metaspace values (JFR missing or its metaspace events disabled)");
        }
        long limit = limits.metaspaceMaxBytes();
        if (!Observation.isPresent(limit)) {
            limit = memoryLimit();
        }
        TrendJudge.Series series = new TrendJudge.Series(Signal.METASPACE, "metaspace", limit,
                true, null, "metaspace points");
        return judgeRegime(metaspaceTrack, metaspace, series, now, scratch, 1);
    }

    private Verdict judgeNative(long now, FitScratch scratch) {
        if (nativeOther.isEmpty()) {
            return Verdict.insufficient(Signal.NATIVE, "native", now, "native memory needs RSS, "
                    + "committed heap, metaspace, code cache and direct buffers; missing: "
                    + limits.missingNativeParts());
        }
        long room = limits.roomBesides(memoryLimit(), limits.nativeOtherBytes());
        TrendJudge.Series series = new TrendJudge.Series(Signal.NATIVE, "native", room, true,
                null, "native points");
        return judgeRegime(nativeTrack, nativeOther, series, now, scratch, 1);
    }

    private Verdict judgeDirect(long now, FitScratch scratch) {
        if (direct.isEmpty()) {
            return Verdict.insufficient(Signal.NATIVE, "direct", now, "no direct buffer values");
        }
        long room = limits.roomBesides(memoryLimit(), (long) direct.newestValue());
        long heapMax = limits.heapMaxBytes();
        // Without -XX:MaxDirectMemorySize the JDK caps direct buffers at the maximum heap size.
        if (Observation.isPresent(heapMax)) {
            room = Observation.isPresent(room) ? Math.min(room, heapMax) : heapMax;
        }
        TrendJudge.Series series = new TrendJudge.Series(Signal.NATIVE, "direct", room, true,
                null, "direct buffer points");
        return judgeRegime(directTrack, direct, series, now, scratch, 1);
    }

    /** Cuts the regime at a change of slope, then judges the points of the latest regime. */
    private Verdict judgeRegime(SeriesTrack track, SeriesHistory history,
            TrendJudge.Series series, long now, FitScratch scratch, long minGroupMillis) {
        long from = track.regimeStartMillis(warmup.endMillis());
        FitPoints points = scratch.points;
        history.floorPoints(from, points, minGroupMillis);
        double gate = scratch.judge.slopeGatePerMinute(series.limitBytes());
        int cut = scratch.changePoints.latestRegimeStart(points.minutes(), points.values(),
                points.size(), gate);
        if (cut > 0) {
            track.startRegimeAt(points.timeMillis(cut));
            points.dropFirst(cut);
        }
        return scratch.judge.judge(series, points, now);
    }

    private long memoryLimit() {
        long limit = memoryLimitBytes.applyAsLong(worker);
        return limit > 0 && limit != Long.MAX_VALUE ? limit : Observation.ABSENT;
    }

    /** Resolves every open alert because the JVM behind this series restarted. */
    List<Alert> resolveForRestart(long now) {
        List<Alert> alerts = new ArrayList<>(0);
        for (SeriesTrack track : tracks()) {
            if (track.alertActive()) {
                alerts.addAll(track.resolveNow(now, "JVM restarted; the new JVM starts a new "
                        + "baseline"));
            }
        }
        return alerts;
    }

    /** Returns the latest verdict of every series, in signal order. */
    List<Verdict> verdicts(long now) {
        List<Verdict> verdicts = new ArrayList<>();
        for (SeriesTrack track : tracks()) {
            Verdict verdict = track.verdict();
            verdicts.add(verdict != null ? verdict : Verdict.insufficient(track.signal(),
                    track.source(), now, "no observations yet"));
        }
        return verdicts;
    }

    private List<SeriesTrack> tracks() {
        return List.of(heapTrack, metaspaceTrack, nativeTrack, directTrack, gcTrack);
    }

    /** Estimated bytes this state retains, excluding the per-thread fit scratch. */
    long retainedBytes() {
        return 5 * heapOld.retainedBytes() + gcWindow.retainedBytes() + cycles.retainedBytes()
                + 5 * 512 + 1024;
    }

    private static List<Alert> concat(List<Alert> first, List<Alert> second) {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        List<Alert> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
