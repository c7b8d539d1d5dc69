import dev.hench.collector.alert.Alert;
import dev.hench.collector.cli.Collector;
import dev.hench.collector.cli.CollectorSettings;
import dev.hench.collector.config.Settings;
import dev.hench.collector.housekeeping.Housekeeper;
import dev.hench.collector.housekeeping.HousekeepingSettings;
import dev.hench.collector.housekeeping.PassReport;
import dev.hench.collector.leak.HostMemory;
import dev.hench.collector.leak.LeakSettings;
import dev.hench.collector.leak.RobustLeakDetector;
import dev.hench.collector.leak.LeakDetector;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the collector's sample-ingest latency with and without a housekeeping archival running
 * in the same JVM, as it will once the run command starts the Housekeeper.
 *
 * <p>Starts the real collector (Unix socket ingest, wire parser, pipeline, first leak check) with
 * a leak detector wrapper that notes when each sample reaches it. A client in this JVM sends a
 * hello and then one sample line every 2 ms. A sample's latency is the time from writing its line
 * to the socket until the pipeline hands it to the leak detector. The sample's heapUsedBytes
 * carries its sequence number so that the wrapper can match it. Phases: warm-up, idle, a full
 * housekeeping pass over DIR (every run in DIR should be due for archival), and idle again to
 * show how much two idle phases differ on a busy machine.
 *
 * <p>Usage: java -cp collector/target/hench-collector.jar \
 *     collector/scripts/IngestLatencyUnderArchival.java DIR [IDLE_SECONDS [MAX_READ_MIB_PER_SECOND]]
 */
public class IngestLatencyUnderArchival {

    private static final long INTERVAL_NANOS = 2_000_000;
    private static final int MAX_SAMPLES = 1 << 20;
    private static final long[] SENT = new long[MAX_SAMPLES];
    private static final long[] ARRIVED = new long[MAX_SAMPLES];

    public static void main(String[] args) throws Exception {
        Path runs = Path.of(args[0]);
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String maxReadMiBPerSecond = args.length > 2 ? args[2] : "8";
        Path work = Files.createTempDirectory("hench-latency");
        Path socket = work.resolve("collector.sock");
        try (Collector collector = startCollector(socket, work);
                SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            startReader(channel);
            send(channel, "{\"type\":\"hello\",\"protocol\":1,\"worker\":\"probe\",\"session\":\"probe-1\","
                    + "\"pid\":1,\"jvmVendor\":\"probe\",\"jvmVersion\":\"17\",\"startTimeMillis\":"
                    + System.currentTimeMillis() + ",\"agentVersion\":\"probe\"}");
            int seq = 1;
            seq = measure("warm-up", channel, seq, 10_000, null);
            seq = measure("idle", channel, seq, idleSeconds * 500, null);
            Housekeeper housekeeper = startHousekeeper(runs, maxReadMiBPerSecond);
            long start = System.nanoTime();
            Future<PassReport> pass = housekeeper.runFullPassNow();
            seq = measure("archiving", channel, seq, MAX_SAMPLES - seq, pass);
            PassReport report = pass.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("archival pass: %s%n  %.1f s, %.1f MiB/s of run files%n", report, seconds,
                    report.archivedSourceBytes() / 1048576.0 / seconds);
            measure("idle after", channel, seq, idleSeconds * 500, null);
            housekeeper.stop();
        }
    }

    private static Collector startCollector(Path socket, Path work) throws IOException {
        Settings settings = Settings.of(Map.of("ingest.listen", "unix:" + socket,
                "http.listen", "off", "jfr.file", work.resolve("collector.jfr").toString()));
        CollectorSettings config = CollectorSettings.from(settings);
        settings.validate();
        LeakDetector real = new RobustLeakDetector(LeakSettings.defaults(), worker -> HostMemory.totalBytes());
        LeakDetector timing = new LeakDetector() {
            @Override
            public List<Alert> observe(WorkerKey worker, Observation observation) {
                long seq = observation.heapUsedBytes();
                if (seq > 0 && seq < MAX_SAMPLES) {
                    ARRIVED[(int) seq] = System.nanoTime();
                }
                return real.observe(worker, observation);
            }

            @Override
            public void forget(WorkerKey worker) {
                real.forget(worker);
            }
        };
        return Collector.start(config, timing);
    }

    private static Housekeeper startHousekeeper(Path runs, String maxReadMiBPerSecond) throws IOException {
        Settings settings = Settings.of(Map.of("runs.dir", runs.toString(),
                "housekeeping.ledgerScanInterval", "1d",
                "housekeeping.maxReadMiBPerSecond", maxReadMiBPerSecond));
        HousekeepingSettings housekeeping = HousekeepingSettings.from(settings);
        settings.validate();
        Housekeeper housekeeper = new Housekeeper(housekeeping, new SimpleMeterRegistry(),
                Clock.systemUTC());
        housekeeper.start();
        return housekeeper;
    }

    /** Sends samples every 2 ms until {@code count} are sent or {@code until} is done. */
    private static int measure(String phase, SocketChannel channel, int firstSeq, int count, Future<?> until)
            throws Exception {
        long next = System.nanoTime();
        int seq = firstSeq;
        while (seq - firstSeq < count && seq < MAX_SAMPLES && (until == null || !until.isDone())) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += INTERVAL_NANOS;
            SENT[seq] = System.nanoTime();
            send(channel, "{\"type\":\"sample\",\"seq\":" + seq + ",\"timeMillis\":"
                    + System.currentTimeMillis() + ",\"heapUsedBytes\":" + seq
                    + ",\"heapCommittedBytes\":134217728,\"heapMaxBytes\":2147483648,"
                    + "\"directBytes\":16384,\"rssBytes\":201326592}");
            seq++;
        }
        LockSupport.parkNanos(200_000_000);
        report(phase, firstSeq, seq);
        return seq;
    }

    private static void report(String phase, int fromSeq, int toSeq) {
        long[] latencies = new long[toSeq - fromSeq];
        int n = 0;
        int missing = 0;
        for (int seq = fromSeq; seq < toSeq; seq++) {
            if (ARRIVED[seq] == 0) {
                missing++;
            } else {
                latencies[n++] = ARRIVED[seq] - SENT[seq];
            }
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf("%s: %d samples (%d missing), p50 %.1f us, p99 %.1f us, p99.9 %.1f us, "
                + "max %.1f us%n", phase, n, missing, sorted[n / 2] / 1e3, sorted[(int) (n * 0.99)] / 1e3,
                sorted[(int) (n * 0.999)] / 1e3, sorted[n - 1] / 1e3);
    }

    private static void send(SocketChannel channel, String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Drains what the collector sends (welcome, acks) so its outbound queue never fills. */
    private static void startReader(SocketChannel channel) {
        Thread reader = new Thread(() -> {
            // SocketChannel allows one reader and one writer thread at once; the acknowledgements
            // are read only so that the collector's outbound queue never fills.
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            try {
                while (channel.read(buffer) >= 0) {
                    buffer.clear();
                }
            } catch (IOException e) {
                System.err.println("reader stopped: " + e);
            }
        }, "probe-reader");
        reader.setDaemon(true);
        reader.start();
    }
}
