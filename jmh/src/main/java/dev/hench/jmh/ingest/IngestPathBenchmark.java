package dev.hench.jmh.ingest;

import ch.qos.logback.classic.Level;
import dev.hench.collector.alert.AlertDispatcher;
import dev.hench.collector.ingest.IngestMetrics;
import dev.hench.collector.ingest.IngestPipeline;
import dev.hench.collector.ingest.MalformedLineException;
import dev.hench.collector.ingest.WireMessage;
import dev.hench.collector.ingest.WireParser;
import dev.hench.collector.leak.HostMemory;
import dev.hench.collector.leak.RobustLeakDetector;
import dev.hench.collector.leak.LeakSettings;
import dev.hench.collector.signal.WorkerKey;
import dev.hench.collector.worker.WorkerIdentity;
import dev.hench.collector.worker.WorkerRegistry;
import dev.hench.collector.worker.WorkerSeries;
import dev.hench.collector.worker.WorkerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's per-line ingest path without the socket: parse one wire line, drop duplicates
 * by seq, update the worker series and its history, and run {@link RobustLeakDetector}. Three lines
 * in four are samples and one is a young GC event, as from an agent at a 1 s interval whose worker
 * collects every few seconds.
 *
 * <p>The lines are built once with consecutive seq numbers; when they run out, the benchmark
 * moves to a new session so that no line is dropped as a duplicate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IngestPathBenchmark {

    private static final int LINES = 1 << 16;
    private static final long MIB = 1024 * 1024;

    private final WireParser parser = new WireParser();
    private final WireMessage message = new WireMessage();
    private final byte[][] lines = new byte[LINES][];
    private WorkerRegistry registry;
    private IngestPipeline pipeline;
    private WorkerSeries series;
    private int next;
    private int session;

    @Setup
    public void setUp() {
        // The registry logs each new and forgotten session at INFO; the benchmark starts many.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RobustLeakDetector detector = new RobustLeakDetector(LeakSettings.defaults(), worker -> HostMemory.totalBytes());
        registry = new WorkerRegistry(new WorkerSettings(Duration.ZERO, 900), detector);
        pipeline = new IngestPipeline(detector, new AlertDispatcher(meters), new IngestMetrics(meters));
        for (int i = 0; i < LINES; i++) {
            lines[i] = line(i + 1, 1_764_866_400_000L + 250L * i).getBytes(StandardCharsets.UTF_8);
        }
        newSession();
    }

    private static String line(long seq, long timeMillis) {
        if (seq % 4 == 0) {
            return "{\"type\":\"gc\",\"seq\":" + seq + ",\"timeMillis\":" + timeMillis + ",\"gcId\":" + seq
                    + ",\"name\":\"G1New\",\"cause\":\"G1 Evacuation Pause\",\"kind\":\"young\","
                    + "\"pauseNanos\":4100000,\"heapBeforeBytes\":140000000,\"heapAfterBytes\":"
                    + (61 * MIB + (seq * 7919) % MIB) + ",\"metaspaceAfterBytes\":25165824}";
        }
        return "{\"type\":\"sample\",\"seq\":" + seq + ",\"timeMillis\":" + timeMillis + ",\"heapUsedBytes\":"
                + (73 * MIB + seq % MIB) + ",\"heapCommittedBytes\":134217728,\"heapMaxBytes\":2147483648,"
                + "\"directBytes\":16384,\"mappedBytes\":0,\"rssBytes\":201326592,\"rssSource\":\"statm\","
                + "\"metaspaceUsedBytes\":25165824,\"metaspaceCommittedBytes\":26214400,\"codeCacheBytes\":9437184,"
                + "\"compiledMethods\":2310,\"loadedClasses\":4120,\"unloadedClasses\":0,"
                + "\"physicalTotalBytes\":25769803776,\"physicalUsedBytes\":3221225472,\"agentCpuNanos\":81234567,"
                + "\"droppedTotal\":0,\"bufferUsed\":3,\"bufferCapacity\":1200}";
    }

    private void newSession() {
        if (series != null) {
            registry.disconnected(series, 0);
            registry.sweep(1);
        }
        session++;
        series = registry.connected(new WorkerIdentity(new WorkerKey("bench", "session-" + session), 1, "vendor",
                "17", 0, 2147483648L, "bench", null, "G1"));
        next = 0;
    }

    @Benchmark
    public boolean parseAndIngestOneLine() throws MalformedLineException {
        if (next == LINES) {
            newSession();
        }
        byte[] line = lines[next++];
        parser.parse(line, 0, line.length, message);
        return pipeline.accept(series, message);
    }
}
