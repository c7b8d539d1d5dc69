import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hench.collector.config.Settings;
import dev.hench.collector.housekeeping.Housekeeper;
import dev.hench.collector.housekeeping.HousekeepingSettings;
import dev.hench.collector.housekeeping.PassReport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Stand-in for the collector's ingest path while it is not built yet: one thread at normal
 * priority reads JSON sample lines from a Unix domain socket, parses each with Jackson and
 * answers an ack line, in the same JVM as the Housekeeper. A client sends a line every 2 ms and
 * times each ack round trip, first with housekeeping idle, then while a full pass archives DIR.
 *
 * Usage: java -cp collector/target/hench-collector.jar collector/scripts/ArchivalInterference.java
 *        DIR [SECONDS_IDLE]
 */
public class ArchivalInterference {

    private static final String SAMPLE = "{\"type\":\"sample\",\"seq\":%d,\"timeMillis\":%d,"
            + "\"heapUsedBytes\":73400320,\"heapCommittedBytes\":134217728,"
            + "\"heapMaxBytes\":2147483648,\"directBytes\":16384,\"rssBytes\":201326592}";

    public static void main(String[] args) throws Exception {
        Path runs = Path.of(args[0]);
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path socket = Files.createTempDirectory("hench-probe").resolve("ingest.sock");
        startIngestStandIn(socket);
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                    Channels.newOutputStream(channel), StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(
                    Channels.newInputStream(channel), StandardCharsets.UTF_8));
            measure("warm-up", out, in, 10_000, null);
            measure("idle", out, in, idleSeconds * 500, null);
            Housekeeper housekeeper = housekeeper(runs);
            long start = System.nanoTime();
            Future<PassReport> pass = housekeeper.runFullPassNow();
            measure("archiving", out, in, Integer.MAX_VALUE, pass);
            PassReport report = pass.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("archival: %s in %.1f s, %.1f MiB/s%n", report, seconds,
                    report.archivedSourceBytes() / 1048576.0 / seconds);
            housekeeper.stop();
        }
    }

    private static Housekeeper housekeeper(Path runs) throws IOException {
        Settings settings = Settings.of(Map.of("runs.dir", runs.toString(),
                "housekeeping.ledgerScanInterval", "1d"));
        HousekeepingSettings housekeeping = HousekeepingSettings.from(settings);
        settings.validate();
        Housekeeper housekeeper = new Housekeeper(housekeeping, new SimpleMeterRegistry(),
                Clock.systemUTC());
        housekeeper.start();
        return housekeeper;
    }

    /** Sends a line every 2 ms until {@code count} lines are sent or {@code until} is done. */
    private static void measure(String phase, BufferedWriter out, BufferedReader in, int count,
            Future<?> until) throws Exception {
        long[] nanos = new long[Math.min(count, 2_000_000)];
        int n = 0;
        long next = System.nanoTime();
        while (n < nanos.length && (until == null || !until.isDone())) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += 2_000_000;
            long sent = System.nanoTime();
            out.write(String.format(SAMPLE, n, System.currentTimeMillis()));
            out.write('\n');
            out.flush();
            in.readLine();
            nanos[n++] = System.nanoTime() - sent;
        }
        long[] done = Arrays.copyOf(nanos, n);
        Arrays.sort(done);
        System.out.printf("%s: %d round trips, p50 %.1f us, p99 %.1f us, p99.9 %.1f us, "
                + "max %.1f us%n", phase, n, done[n / 2] / 1e3, done[(int) (n * 0.99)] / 1e3,
                done[(int) (n * 0.999)] / 1e3, done[n - 1] / 1e3);
    }

    private static void startIngestStandIn(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        ObjectMapper mapper = new ObjectMapper();
        Thread thread = new Thread(() -> {
            try (SocketChannel client = server.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(
                            Channels.newInputStream(client), StandardCharsets.UTF_8));
                    BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
                            Channels.newOutputStream(client), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    JsonNode sample = mapper.readTree(line);
                    out.write("{\"type\":\"ack\",\"seq\":" + sample.get("seq").asLong() + "}\n");
                    out.flush();
                }
            } catch (IOException e) {
                System.err.println("ingest stand-in stopped: " + e);
            }
        }, "probe-ingest");
        thread.setDaemon(true);
        thread.start();
    }
}
