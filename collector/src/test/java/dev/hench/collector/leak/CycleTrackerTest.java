package dev.hench.collector.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.signal.GcKind;
import dev.hench.collector.signal.Observation;
import org.junit.jupiter.api.Test;

class CycleTrackerTest {

    private final CycleTracker cycles = new CycleTracker();
    private long now;

    @Test
    void recordsLowestOldFloorOfLastPhaseAtEachNewRun() {
        runCycle("run-1", 100);
        runCycle("run-2", 110);
        runCycle("run-3", 120);
        assertThat(cycles.boundaries()).isEqualTo(2);
        FitPoints points = new FitPoints(10);
        cycles.boundaryPoints(points);
        assertThat(points.value(0)).isEqualTo(100.0);
        assertThat(points.value(1)).isEqualTo(110.0);
    }

    @Test
    void returnOfFirstPhaseClosesCycleWithoutRunIds() {
        for (int cycle = 0; cycle < 3; cycle++) {
            phase("load", null, 500);
            phase("output", null, 200 + cycle);
        }
        phase("load", null, 500);
        assertThat(cycles.boundaries()).isEqualTo(3);
    }

    @Test
    void phaseEndsAndRunEndsKeepOutputSegment() {
        // The agent's order: run begin, phase begin and end, run end, with no GC in between.
        for (int cycle = 1; cycle <= 3; cycle++) {
            String runId = "run-" + cycle;
            runBoundary(runId);
            phase("load", runId, 500);
            phase("output", runId, 200 + cycle);
            sample(null, runId, true);
            runBoundary(null);
        }
        runBoundary("run-4");
        FitPoints points = new FitPoints(10);
        cycles.boundaryPoints(points);
        assertThat(cycles.boundaries()).isEqualTo(3);
        assertThat(points.value(0)).isEqualTo(201.0);
        assertThat(points.value(2)).isEqualTo(203.0);
    }

    @Test
    void firstPhaseReturningAfterGapClosesCycle() {
        for (int cycle = 0; cycle < 3; cycle++) {
            phase("load", null, 500);
            phase("output", null, 200 + cycle);
            sample(null, null, true);
        }
        phase("load", null, 500);
        assertThat(cycles.boundaries()).isEqualTo(3);
    }

    @Test
    void boundariesDuringWarmupAreNotRecorded() {
        sample("load", "run-1", false);
        gc(300, false);
        sample("load", "run-2", false);
        assertThat(cycles.boundaries()).isZero();
        assertThat(cycles.phasesSeen()).isTrue();
    }

    private void runCycle(String runId, long outputFloor) {
        phase("load", runId, outputFloor + 500);
        phase("output", runId, outputFloor);
    }

    /** Marks a phase, then GC events inside it: an old floor and a higher young one. */
    private void phase(String name, String runId, long floor) {
        sample(name, runId, true);
        gc(floor + 50, true);
        gc(floor, true);
    }

    /** A run message as the collector turns it into an observation: no phase open. */
    private void runBoundary(String runId) {
        now += 1;
        cycles.observe(Observation.at(now).runId(runId).build(), true);
    }

    private void sample(String phase, String runId, boolean warm) {
        now += 1000;
        cycles.observe(Observation.at(now).heap(1, 2, 3).phase(phase).runId(runId).build(), warm);
    }

    private void gc(long afterBytes, boolean warm) {
        now += 1000;
        cycles.observe(Observation.at(now).gc(GcKind.MIXED, afterBytes, 1).build(), warm);
        now += 1000;
        cycles.observe(Observation.at(now).gc(GcKind.YOUNG, afterBytes + 1000, 1).build(), warm);
    }
}
