package dev.hench.agent.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.hench.agent.transport.TestCollector;
import dev.hench.itworker.ThroughputWorker;

/**
 * Measures what detail mode costs a worker: runs {@link ThroughputWorker} in pairs with the agent,
 * once plain and once with a detail request covering seconds 4 to 13 of its run, and prints the
 * workload's operations per second over that window, per pair and as medians. Argument: number
 * of pairs (default 3). Not a test: run it by hand, as
 * docs/benchmarks.md shows.
 */
public final class DetailCostMeasurement {

    static final int RUN_SECONDS = 16;
    static final int WINDOW_FIRST_SECOND = 4;
    static final int WINDOW_SECONDS = 10;

    private DetailCostMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("hench-detail-cost");
        List<Double> plain = new ArrayList<>();
        List<Double> detail = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            plain.add(opsPerSecond(dir.resolve("plain-" + i), false));
            detail.add(opsPerSecond(dir.resolve("detail-" + i), true));
            System.out.printf("pair %d: without %.0f ops/s, with %.0f ops/s%n", i + 1, plain.get(i), detail.get(i));
        }
        double plainMedian = median(plain);
        double detailMedian = median(detail);
        System.out.printf("median without detail mode: %.0f ops/s%n", plainMedian);
        System.out.printf("median with detail mode:    %.0f ops/s (%.1f%% change)%n", detailMedian,
                100 * (detailMedian - plainMedian) / plainMedian);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double opsPerSecond(Path dir, boolean requestDetail) throws Exception {
        Files.createDirectories(dir);
        AtomicBoolean requested = new AtomicBoolean(!requestDetail);
        AtomicInteger samples = new AtomicInteger();
        try (TestCollector collector = TestCollector.unix(dir.resolve("c.sock"), new TestCollector.SessionStore(),
                message -> requestAtWindowStart(message, samples, requested))) {
            WorkerProcess worker = WorkerProcess.onCurrentJdk(dir.resolve("worker"))
                    .agent("collector=" + collector.address())
                    .start(ThroughputWorker.class, Integer.toString(RUN_SECONDS));
            if (worker.waitForExit() != 0) {
                throw new IllegalStateException("worker failed: " + worker.stderr());
            }
            if (requestDetail && collector.received("suspects").isEmpty()) {
                throw new IllegalStateException("no suspects message arrived: " + worker.stderr());
            }
            return windowMean(worker.stdout());
        }
    }

    /** Sends the detail request with the sample taken when the window opens (one sample a second). */
    private static List<String> requestAtWindowStart(Map<String, Object> message, AtomicInteger samples,
            AtomicBoolean requested) {
        boolean windowOpen = "sample".equals(message.get("type"))
                && samples.incrementAndGet() >= WINDOW_FIRST_SECOND;
        if (windowOpen && requested.compareAndSet(false, true)) {
            return List.of("{\"type\":\"detail\",\"requestId\":\"cost\",\"durationSeconds\":" + WINDOW_SECONDS + "}");
        }
        return List.of();
    }

    private static double windowMean(String stdout) {
        List<Long> perSecond = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            String[] parts = line.split(" ");
            if (parts.length == 4 && parts[0].equals("second")) {
                int second = Integer.parseInt(parts[1]);
                if (second >= WINDOW_FIRST_SECOND && second < WINDOW_FIRST_SECOND + WINDOW_SECONDS) {
                    perSecond.add(Long.parseLong(parts[3]));
                }
            }
        }
        return perSecond.stream().mapToLong(Long::longValue).average().orElseThrow();
    }
}
