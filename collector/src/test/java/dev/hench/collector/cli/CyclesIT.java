package dev.hench.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load, process and output cycles of real sample workers, marked as phases through the agent API
 * ({@code cycles}) or through {@code phase.*} options ({@code cycles-plain}), against the real
 * collector and its robust leak detector. Each cycle builds and releases a 32 MiB data set, so the
 * heap after GC swings within every cycle. A leak hidden in the cycles is reported; clean cycles
 * are not. All four workers run at once, so the class takes as long as the slowest detection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CyclesIT {

    private static final String PHASE_OPTIONS = "phase.load=dev.hench.sample.workload.CyclesWorkload#load,"
            + "phase.process=dev.hench.sample.workload.CyclesWorkload#process,"
            + "phase.output=dev.hench.sample.workload.CyclesWorkload#output";
    /*
     * 8 MiB per 4 s cycle is 120 MiB/min. Warmup (JIT and class loading settling) took 70-90 s on
     * two busy cores, and boundaries count only after it, so the leak needs the room of a 768 MiB
     * heap to be seen before the worker runs out of memory.
     */
    private static final String HEAP_MAX = "768m";
    private static final String LEAK_MIB_PER_CYCLE = "8";
    private static final String CYCLE_SECONDS = "4";
    private static final String WORKER_DURATION = "260s";
    private static final Duration DETECTION_TIMEOUT = Duration.ofSeconds(240);
    private static final int MIN_CLEAN_CYCLES = 6;

    /** Kept when a test fails: the collector log and the recorded wire lines show why. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    private CollectorProcess collector;
    private final List<SampleWorkerProcess> workers = new ArrayList<>();

    @BeforeAll
    void startCollectorAndWorkers() throws IOException {
        // The default minimum evidence of 2 minutes is for slow leaks. This leak reaches the
        // heap max within minutes, so 30 s of cycle boundaries after warmup keep the class short.
        // Slower growth still needs an eighth of its projected time to limit as evidence.
        collector = CollectorProcess.start(dir, "--record", dir.resolve("records").toString(),
                "--set", "leak.minEvidence=30s");
        startWorker("api-clean", "", "cycles", "0");
        startWorker("api-leak", "", "cycles", LEAK_MIB_PER_CYCLE);
        startWorker("plain-clean", PHASE_OPTIONS, "cycles-plain", "0");
        startWorker("plain-leak", PHASE_OPTIONS, "cycles-plain", LEAK_MIB_PER_CYCLE);
    }

    @AfterAll
    void stopWorkersAndCollector() throws InterruptedException {
        for (SampleWorkerProcess worker : workers) {
            worker.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    @Order(1)
    void leakInApiCyclesRaisesHeapAlert() {
        awaitHeapAlarm("api-leak");
    }

    @Test
    @Order(2)
    void leakInInstrumentedCyclesRaisesHeapAlert() {
        awaitHeapAlarm("plain-leak");
    }

    /** Runs after the leak tests, so the clean workers have had as long as the leaking ones. */
    @Test
    @Order(3)
    void cleanCyclesRaiseNoAlarm() {
        awaitHeapAlarm("api-leak");
        awaitHeapAlarm("plain-leak");
        for (String worker : List.of("api-clean", "plain-clean")) {
            assertThat(completedCycles(worker)).as("cycles of " + worker).isGreaterThanOrEqualTo(MIN_CLEAN_CYCLES);
            assertThat(collector.log()).as("collector log")
                    .doesNotContainPattern(alarmLine(worker, "[a-z]+"));
        }
    }

    @Test
    @Order(4)
    void leakingWorkersSawPhases() {
        // Without phases the detector would judge the continuous heap floor instead of cycle boundaries.
        assertThat(workerOutput("api-leak")).doesNotContain("without phase marks");
        assertThat(workerOutput("plain-leak")).doesNotContain("could not instrument");
    }

    private void startWorker(String workerId, String agentOptions, String workload, String leakMib)
            throws IOException {
        workers.add(SampleWorkerProcess.startWithHeap(dir, collector.socket(), workerId, HEAP_MAX,
                agentOptions, workload, "--duration", WORKER_DURATION, "--cycle-seconds", CYCLE_SECONDS,
                "--leak-mib-per-cycle", leakMib));
    }

    private void awaitHeapAlarm(String worker) {
        Pattern raised = alarmLine(worker, "heap");
        await().atMost(DETECTION_TIMEOUT).pollInterval(Duration.ofSeconds(1))
                .until(() -> raised.matcher(collector.log()).find());
    }

    /**
     * Matches an alert of {@code worker} on a signal matching {@code signal} that is raised at, or
     * updated to, warning or critical. A leak can first be raised as information while its growth
     * looks like it slows down.
     */
    private static Pattern alarmLine(String worker, String signal) {
        return Pattern.compile("ALERT [^\\n]*worker=" + Pattern.quote(worker) + " [^\\n]*signal=" + signal
                + " level=(warning|critical) state=(raised|updated)");
    }

    private long completedCycles(String worker) {
        return workerOutput(worker).lines().filter(line -> line.startsWith("cycle result ")).count();
    }

    private String workerOutput(String worker) {
        try {
            return Files.readString(dir.resolve("worker-" + worker + ".out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
