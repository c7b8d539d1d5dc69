package dev.hench.collector.cli;

import dev.hench.collector.config.ConfigException;
import dev.hench.collector.config.Settings;
import dev.hench.collector.leak.LeakDetector;
import dev.hench.collector.leak.RobustLeakDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code collector run}: validates the configuration, starts the collector and runs until the
 * process gets SIGINT or SIGTERM.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the collector: serves agents, keeps per-worker state, checks for leaks and reports alerts "
                    + "to the log, a JFR file, Prometheus metrics and the agents.",
            "Flags set the same keys as --set; both override the --config file."
        },
        footerHeading = "%nKeys and their defaults (durations take ms, s, m, h or d):%n",
        footer = {
            "  ingest.listen              see --listen",
            "  ingest.allowNonLoopback    false",
            "  ingest.maxConnections      1024",
            "  ingest.helloTimeout        10s",
            "  ingest.idleTimeout         5m",
            "  ingest.ackInterval         1s",
            "  ingest.outboundQueueLines  256",
            "  ingest.recordDir           see --record",
            "  http.listen                see --http",
            "  jfr.file                   see --jfr",
            "  jfr.dumpInterval           10s",
            "  jfr.maxAge                 7d",
            "  workers.gracePeriod        10m",
            "  workers.historyPoints      900",
            "  leak.criticalWithin        1h    (pessimistic time to limit that is critical)",
            "  leak.warningWithin         6h    (longer is information)",
            "  leak.minEvidence           2m",
            "  leak.maxEvidence           40m",
            "  leak.minSlopeMiBPerHour    1.0",
            "  leak.refitInterval         60s",
            "  leak.gc.timeShare          0.5",
            "  leak.gc.liveShare          0.9",
            "  leak.suspects.enabled      true",
            "  leak.suspects.sampleDuration  60s",
            "  admission.* and budget.*   see docs/admission.md",
            "  runs.dir, archival.*, retention.*, housekeeping.*   see docs/housekeeping.md"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped by SIGINT or SIGTERM",
            "1:could not start, for example the socket is in use by another collector",
            "2:invalid command line or configuration; every problem is printed"
        })
public final class RunCommand implements Callable<Integer> {

    static final int EXIT_START_FAILED = 1;
    static final int EXIT_INVALID_CONFIG = 2;

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings.")
    private Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Sets one key; repeatable.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--listen", paramLabel = "ADDRESS",
            description = "Where agents connect (ingest.listen): unix:PATH or tcp:HOST:PORT. "
                    + "Default: unix:$${java.io.tmpdir}/hench-$${user.name}/collector.sock.")
    private String listen;

    @Option(names = "--http", paramLabel = "HOST:PORT",
            description = "Loopback port for /metrics and /v1/* (http.listen); port 0 picks a free one, "
                    + "off disables it. Default: 127.0.0.1:7391.")
    private String http;

    @Option(names = "--jfr", paramLabel = "FILE",
            description = "JFR file with the hench.* alert events (jfr.file). Default: ./hench-collector.jfr.")
    private String jfr;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Writes every received wire line to DIR, one file per worker session (ingest.recordDir).")
    private String record;

    @Option(names = "--runs", paramLabel = "DIR",
            description = "Runs directory to archive, expire and record in the usage ledger (runs.dir). "
                    + "Default: none, so housekeeping is off.")
    private String runs;

    @Option(names = "--log", paramLabel = "FILE", description = "Also appends the log to FILE.")
    private Path logFile;

    @Override
    public Integer call() throws InterruptedException {
        if (logFile != null) {
            LogFile.attach(logFile);
        }
        PrintWriter err = spec.commandLine().getErr();
        Settings settings;
        CollectorSettings config;
        try {
            settings = Settings.load(configFile, overrides());
            config = CollectorSettings.from(settings);
            validate(settings);
        } catch (ConfigException e) {
            int count = e.problems().size();
            err.println("invalid configuration (" + count + (count == 1 ? " problem):" : " problems):"));
            e.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return EXIT_INVALID_CONFIG;
        }
        settings.warnings().forEach(warning -> log.warn("configuration: {}", warning));
        MemoryLimitSource memoryLimit = new MemoryLimitSource();
        return runUntilStopped(config, new RobustLeakDetector(config.leak(), memoryLimit), memoryLimit);
    }

    private int runUntilStopped(CollectorSettings config, LeakDetector detector, MemoryLimitSource memoryLimit)
            throws InterruptedException {
        Collector collector;
        try {
            collector = Collector.start(config, detector);
            memoryLimit.attach(collector.admission());
        } catch (IOException | RuntimeException e) {
            log.error("collector failed to start: {}", e.getMessage(), e);
            return EXIT_START_FAILED;
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        StopSignals.install(stopRequested, collector);
        log.info("collector started pid={} ingest={} http={} jfr={}", ProcessHandle.current().pid(),
                collector.ingestAddress(), collector.http() == null ? "off" : collector.http().hostAndPort(),
                collector.recording().file());
        stopRequested.await();
        log.info("collector stopping");
        collector.close();
        log.info("collector stopped");
        return 0;
    }

    private Map<String, String> overrides() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : sets) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            }
        }
        putIfSet(values, "ingest.listen", listen);
        putIfSet(values, "http.listen", http);
        putIfSet(values, "jfr.file", jfr);
        putIfSet(values, "ingest.recordDir", record);
        putIfSet(values, "runs.dir", runs);
        return values;
    }

    private void validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        for (String pair : sets) {
            if (pair.indexOf('=') <= 0) {
                problems.add("--set '" + pair + "' must be KEY=VALUE, for example --set workers.gracePeriod=10m");
            }
        }
        try {
            settings.validate();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private static void putIfSet(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }
}
