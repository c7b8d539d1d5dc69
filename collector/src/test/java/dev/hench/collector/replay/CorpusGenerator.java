package dev.hench.collector.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the synthetic part of the shipped evaluation corpus: one gzip CSV per scenario and
 * the {@code corpus.json} that labels them. Deterministic: every scenario has its own seed.
 *
 * <p>Regenerate with {@code ./mvnw -pl collector test -Dtest=ShippedCorpusTest
 * -Dhench.corpus.regenerate=true}; {@link ShippedCorpusTest} otherwise checks that the shipped
 * files equal what this generator writes.
 */
final class CorpusGenerator {

    static final double MIB = WorkerSimulation.MIB;
    static final long GIB = 1L << 30;
    static final double HOUR = 3600;
    static final double MINUTE = 60;

    private final List<Map<String, Object>> scenarios = new ArrayList<>();
    private final Map<String, WorkerSimulation> simulations = new LinkedHashMap<>();

    static CorpusGenerator standard() {
        CorpusGenerator corpus = new CorpusGenerator();
        corpus.noLeakScenarios();
        corpus.leakScenarios();
        corpus.edgeScenarios();
        corpus.recordedScenarios();
        return corpus;
    }

    /** Writes every trace and corpus.json into {@code directory}. */
    void writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        for (Map.Entry<String, WorkerSimulation> entry : simulations.entrySet()) {
            try (OutputStream out = Files.newOutputStream(directory.resolve(entry.getKey()))) {
                entry.getValue().writeGzip(out);
            }
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(directory.resolve(Corpus.MANIFEST),
                json.writeValueAsString(Map.of("scenarios", scenarios)) + "\n");
    }

    Map<String, WorkerSimulation> simulations() {
        return simulations;
    }

    private void noLeakScenarios() {
        WorkerSimulation steady = sim(6 * HOUR, 10, 11);
        add("steady-churn", "Steady churn, flat live set of 800 MiB on a 4 GiB heap for 6 h",
                steady, noLeak("none"));

        WorkerSimulation warmup = sim(2 * HOUR, 5, 12);
        warmup.liveMib = t -> 300 + 400 * (1 - Math.exp(-t / 40));
        warmup.warmupSeconds = 45;
        add("jit-classload-warmup", "JIT and class-loading warmup: the floor rises 400 MiB in "
                + "the first minutes, then stays flat", warmup, noLeak("none"));

        WorkerSimulation expansion = sim(2 * HOUR, 10, 13);
        expansion.heapMaxBytes = 2 * GIB;
        expansion.liveMib = t -> 150;
        expansion.committedMib = t -> Math.min(2048, 256 + 256 * Math.floor(t / 300));
        add("heap-expansion", "Heap expansion from -Xms256m to 2 GiB over 35 min with a flat "
                + "live set; RSS climbs", expansion, noLeak("none"));

        WorkerSimulation sawtooth = sim(4 * HOUR, 10, 14);
        sawtooth.liveMib = t -> 1024;
        sawtooth.oldGcPeriodSeconds = 8 * MINUTE;
        sawtooth.promotionMibPerSecond = 0.6;
        add("long-sawtooth", "Long sawtooth: the old generation fills by 290 MiB for 8 min "
                + "between mixed collections; floor flat", sawtooth, noLeak("none"));

        WorkerSimulation once = sim(HOUR, 5, 15);
        once.oldGcPeriodSeconds = 60;
        once.liveMib = t -> 400 + loadProcessOutput(t - 5 * MINUTE, 15, 20, 10, 600);
        once.phase = t -> phaseOf(t - 5 * MINUTE, 15, 20, 10);
        once.runId = t -> t >= 5 * MINUTE && t < 50 * MINUTE ? "run-1" : null;
        add("load-process-output", "One load/process/output run: the floor rises 600 MiB while "
                + "loading and drops while writing output", once, noLeak("none"));

        add("load-process-output-cycles", "Five load/process/output cycles of 15 min with "
                + "phases and run ids, nothing retained", cycles(16, 0, 5), noLeak("none"));

        WorkerSimulation cache = sim(4 * HOUR, 10, 17);
        cache.liveMib = t -> 400 + 800 * (1 - Math.exp(-Math.max(0, t - 180) / 1800));
        add("cache-plateau", "Cache filling from 400 MiB toward 1.2 GiB (time constant 30 min) "
                + "on a 4 GiB heap, then flat", cache, noLeak("information"));

        WorkerSimulation early = sim(40 * MINUTE, 10, 18);
        early.liveMib = t -> 400 + 800 * (1 - Math.exp(-Math.max(0, t - 180) / 2400));
        add("cache-before-plateau", "The same kind of cache observed for 40 min only, before it "
                + "levels off", early, noLeak("information"));

        WorkerSimulation soft = sim(3 * HOUR, 10, 19);
        soft.liveMib = t -> 500;
        soft.promotionMibPerSecond = 2.5;
        soft.oldGcPeriodSeconds = 20 * MINUTE;
        soft.oldGcKind = "full";
        add("soft-reference-cache", "Soft-reference cache that fills the heap to 85% and is "
                + "cleared by a full collection every 20 min", soft, noLeak("none"));

        WorkerSimulation ramp = sim(8 * HOUR, 10, 20);
        ramp.liveMib = t -> 500 + 700 * (1 - Math.cos(Math.PI * Math.min(t, 8 * HOUR) / (4 * HOUR)))
                / 2;
        add("traffic-ramp", "Traffic ramp: the live set follows load from 500 MiB to 1.2 GiB "
                + "over 4 h, then back down", ramp, noLeak("information"));

        WorkerSimulation humongous = sim(3 * HOUR, 10, 21);
        humongous.extraYoungAfterMib = t -> t % 180 < 10 ? 256 : 0;
        add("humongous-allocations", "A 256 MiB humongous allocation every 3 min, floor flat",
                humongous, noLeak("none"));
    }

    private void leakScenarios() {
        WorkerSimulation fast = sim(30 * MINUTE, 5, 31);
        fast.heapMaxBytes = 2 * GIB;
        fast.warmupSeconds = 25;
        fast.oldGcPeriodSeconds = 30;
        fast.liveMib = t -> 250 + Math.max(0, t - 120);
        double fastLimitAt = 120 + (2048 - 250);
        Map<String, Object> fastExpect = leak(List.of("heap"), "critical", 120, 5 * MINUTE);
        fastExpect.put("alsoAllowed", List.of("gc"));
        fastExpect.put("limitReachedAtSeconds", fastLimitAt);
        fastExpect.put("timeToLimitTolerance", 0.25);
        add("fast-leak", "Fast leak of 1 MiB/s on a 2 GiB heap from 2 min on", fast, fastExpect);

        WorkerSimulation slow = sim(5 * HOUR, 10, 32);
        slow.liveMib = t -> 1024 + 10 * t / HOUR;
        add("slow-leak", "Slow leak of 10 MiB/h on a 4 GiB heap", slow,
                leak(List.of("heap"), "information", 0, 3 * HOUR));

        add("leak-in-cycles", "Load/process/output cycles of 15 min retaining 50 MiB/h",
                cycles(16, 50, 4 * 60 / 15), leak(List.of("heap"), "information", 0, 2 * HOUR));

        WorkerSimulation stairs = sim(150 * MINUTE, 10, 34);
        stairs.liveMib = t -> 800 + 20 * Math.floor(t / 600);
        add("staircase-leak", "Staircase leak: +20 MiB in one burst every 10 min", stairs,
                leak(List.of("heap"), "information", 0, HOUR));

        WorkerSimulation stops = sim(3 * HOUR, 10, 35);
        stops.heapMaxBytes = 2 * GIB;
        stops.liveMib = t -> 400 + 2 * Math.min(t, HOUR) / MINUTE;
        Map<String, Object> stopsExpect = leak(List.of("heap"), "information", 0, HOUR);
        stopsExpect.put("leakStopSeconds", HOUR);
        stopsExpect.put("resolveWithinSeconds", HOUR);
        add("leak-stops", "Leak of 2 MiB/min that stops after an hour", stops, stopsExpect);

        WorkerSimulation classes = sim(90 * MINUTE, 10, 36);
        classes.metaspaceMaxBytes = 512L << 20;
        classes.metaspaceMib = t -> 60 + 20 * (1 - Math.exp(-t / 40)) + 3 * t / MINUTE;
        classes.classesPerMinuteAfterWarmup = 300;
        add("classloader-leak", "Class-loader leak: metaspace +3 MiB/min toward a 512 MiB "
                + "MaxMetaspaceSize, heap flat", classes,
                leak(List.of("metaspace"), "information", 0, 30 * MINUTE));

        WorkerSimulation direct = sim(2 * HOUR, 10, 37);
        direct.heapMaxBytes = 2 * GIB;
        direct.liveMib = t -> 600;
        direct.directMib = t -> 16 + 2 * t / MINUTE;
        add("direct-buffer-leak", "Direct-buffer leak of 2 MiB/min, heap flat", direct,
                leak(List.of("native"), "information", 0, HOUR));

        WorkerSimulation spiral = sim(20 * MINUTE, 2, 38);
        spiral.heapMaxBytes = 2 * GIB;
        spiral.oldGcPeriodSeconds = 30;
        spiral.liveMib = t -> t < 8 * MINUTE ? 1400 : Math.min(1946, 1400 + (t - 480) * 4.55);
        spiral.spiralFromSeconds = 10 * MINUTE;
        Map<String, Object> spiralExpect = leak(List.of("gc"), "critical", 10 * MINUTE,
                2 * MINUTE);
        spiralExpect.put("alsoAllowed", List.of("heap"));
        add("gc-death-spiral", "GC death spiral: from 10 min on, back-to-back full collections "
                + "take 80% of the time with the live set at 95% of a 2 GiB heap", spiral,
                spiralExpect);
    }

    private void edgeScenarios() {
        WorkerSimulation shortLived = sim(90, 1, 41);
        Map<String, Object> shortExpect = noLeak("none");
        shortExpect.put("verdicts", List.of(verdict("heap", "insufficient data", null)));
        add("short-lived-worker", "Worker that lives 90 seconds", shortLived, shortExpect);

        WorkerSimulation restart = sim(2 * HOUR, 10, 42);
        restart.session = t -> t < HOUR ? "1" : "2";
        restart.liveMib = t -> t < HOUR ? 300 : 900;
        Map<String, Object> restartExpect = noLeak("none");
        restartExpect.put("verdicts", List.of(verdict("heap", "none", null)));
        add("jvm-restart", "JVM restarted after 1 h under the same worker id; the new JVM holds "
                + "a larger but flat live set", restart, restartExpect);

        WorkerSimulation missing = sim(HOUR, 10, 43);
        missing.gcEvents = false;
        missing.jfrValues = false;
        Map<String, Object> missingExpect = noLeak("none");
        missingExpect.put("verdicts", List.of(
                verdict("heap", "insufficient data", "no GC events"),
                verdict("metaspace", "insufficient data", "no metaspace values"),
                verdict("native", "insufficient data", "missing: metaspace, code cache")));
        add("events-missing", "No JFR: no GC events, metaspace, code cache or counters",
                missing, missingExpect);
    }

    /**
     * Lists the traces recorded with {@code collector run --record} from real sample workers
     * (JDK 17.0.15, -Xms64m -Xmx256m, 1 s sampling, 5 minutes). They are shipped as they were
     * recorded, gzip-compressed; this generator only labels them.
     */
    private void recordedScenarios() {
        for (String gc : List.of("g1", "parallel", "zgc")) {
            Map<String, Object> expect = leak(List.of("heap"), "critical", 0, 5 * MINUTE);
            expect.put("alsoAllowed", List.of("gc"));
            addRecorded("recorded-leak-" + gc, "Real 'leak' sample worker on " + gc + ": 40 MiB/min "
                    + "retained on a 256 MiB heap, recorded by the collector", expect);
        }
        addRecorded("recorded-steady-g1", "Real 'steady' sample worker on g1 with a 32 MiB live "
                + "set, recorded by the collector", noLeak("none"));
        for (String gc : List.of("g1", "parallel", "zgc")) {
            addRecorded("recorded-sawtooth-" + gc, "Real 'sawtooth' sample worker on " + gc + ": 32 MiB "
                    + "live set, 3 MiB/s of arrays that live 30 s and die in the old generation",
                    noLeak("none"));
        }
        recordedCycles();
    }

    /**
     * Lists the 'cycles' (phases and runs marked through the API) and 'cycles-plain' (phases from
     * phase.* options) traces: 4 s load/process/output cycles of a 32 MiB data set on a 768 MiB G1
     * heap, 5 minutes each, recorded side by side (JDK 17.0.15, 2 cores).
     */
    private void recordedCycles() {
        for (String variant : List.of("api", "plain")) {
            String workload = variant.equals("api") ? "'cycles'" : "'cycles-plain'";
            addRecorded("recorded-cycles-" + variant + "-g1", "Real " + workload + " sample worker on g1: "
                    + "4 s cycles that load and release 32 MiB, recorded by the collector", noLeak("none"));
            addRecorded("recorded-cycles-" + variant + "-leak-g1", "Real " + workload + " sample worker "
                    + "on g1: the same cycles retaining 4 MiB each, recorded by the collector",
                    leak(List.of("heap"), "critical", 0, 5 * MINUTE));
        }
    }

    private void addRecorded(String name, String description, Map<String, Object> expect) {
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", name);
        scenario.put("file", name + ".jsonl.gz");
        scenario.put("description", description);
        scenario.put("memoryLimitBytes", 8 * GIB);
        scenario.put("expect", expect);
        scenarios.add(scenario);
    }

    /** Load 5 min (+300 MiB), process 5 min, output 5 min (released), after 5 min of warmup. */
    private static WorkerSimulation cycles(long seed, double retainedMibPerHour, int count) {
        WorkerSimulation sim = sim(5 * MINUTE + count * 15 * MINUTE, 10, seed);
        sim.oldGcPeriodSeconds = 60;
        double start = 5 * MINUTE;
        sim.liveMib = t -> 500 + loadProcessOutput(Math.max(-1, t - start) % (15 * MINUTE), 5, 5,
                5, 300) + retainedMibPerHour * Math.max(0, t - start) / HOUR;
        sim.phase = t -> t < start ? null : phaseOf((t - start) % (15 * MINUTE), 5, 5, 5);
        sim.runId = t -> t < start ? null : "run-" + (1 + (int) ((t - start) / (15 * MINUTE)));
        return sim;
    }

    /** Extra live MiB during a load, process, output sequence whose minutes are given. */
    static double loadProcessOutput(double t, double loadMin, double processMin,
            double outputMin, double peakMib) {
        double load = loadMin * MINUTE;
        double process = processMin * MINUTE;
        double output = outputMin * MINUTE;
        if (t < 0 || t >= load + process + output) {
            return 0;
        }
        if (t < load) {
            return peakMib * t / load;
        }
        if (t < load + process) {
            return peakMib;
        }
        return peakMib * Math.max(0, 1 - (t - load - process) / (output * 0.8));
    }

    static String phaseOf(double t, double loadMin, double processMin, double outputMin) {
        if (t < 0) {
            return null;
        }
        if (t < loadMin * MINUTE) {
            return "load";
        }
        if (t < (loadMin + processMin) * MINUTE) {
            return "process";
        }
        return t < (loadMin + processMin + outputMin) * MINUTE ? "output" : null;
    }

    private static WorkerSimulation sim(double durationSeconds, double stepSeconds, long seed) {
        WorkerSimulation sim = new WorkerSimulation();
        sim.durationSeconds = durationSeconds;
        sim.stepSeconds = stepSeconds;
        sim.seed = seed;
        return sim;
    }

    private void add(String name, String description, WorkerSimulation sim,
            Map<String, Object> expect) {
        String file = name + ".csv.gz";
        simulations.put(file, sim);
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", name);
        scenario.put("file", file);
        scenario.put("description", description);
        scenario.put("heapMaxBytes", sim.heapMaxBytes);
        scenario.put("memoryLimitBytes", 8 * GIB);
        if (sim.metaspaceMaxBytes != null) {
            scenario.put("metaspaceMaxBytes", sim.metaspaceMaxBytes);
        }
        scenario.put("expect", expect);
        scenarios.add(scenario);
    }

    private static Map<String, Object> noLeak(String maxLevel) {
        Map<String, Object> expect = new LinkedHashMap<>();
        expect.put("leak", false);
        expect.put("maxLevel", maxLevel);
        return expect;
    }

    private static Map<String, Object> leak(List<String> signals, String minLevel,
            double startSeconds, double withinSeconds) {
        Map<String, Object> expect = new LinkedHashMap<>();
        expect.put("leak", true);
        expect.put("signals", signals);
        expect.put("minLevel", minLevel);
        expect.put("leakStartSeconds", startSeconds);
        expect.put("detectWithinSeconds", withinSeconds);
        return expect;
    }

    private static Map<String, Object> verdict(String source, String level, String reason) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("source", source);
        verdict.put("level", level);
        if (reason != null) {
            verdict.put("reasonContains", reason);
        }
        return verdict;
    }

    /** Writes the corpus into the directory given as the first argument. */
    public static void main(String[] args) throws IOException {
        standard().writeTo(Path.of(args[0]));
    }
}
