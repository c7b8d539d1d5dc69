package dev.hench.collector.cli;

import dev.hench.collector.admission.AdmissionChangedEvent;
import dev.hench.collector.admission.AdmissionController;
import dev.hench.collector.admission.AdmissionHttpHandler;
import dev.hench.collector.admission.WorkerPeaks;
import dev.hench.collector.alert.AlertDispatcher;
import dev.hench.collector.alert.LogAlertListener;
import dev.hench.collector.http.LoopbackHttpServer;
import dev.hench.collector.ingest.AgentAlertPush;
import dev.hench.collector.ingest.AgentLinks;
import dev.hench.collector.ingest.IngestMetrics;
import dev.hench.collector.ingest.IngestPipeline;
import dev.hench.collector.ingest.IngestServer;
import dev.hench.collector.ingest.ListenAddress;
import dev.hench.collector.ingest.WireRecorder;
import dev.hench.collector.housekeeping.Housekeeper;
import dev.hench.collector.jfr.CollectorRecording;
import dev.hench.collector.jfr.JfrAlertListener;
import dev.hench.collector.leak.LeakDetector;
import dev.hench.collector.leak.SuspectRequests;
import dev.hench.collector.leak.SuspectSettings;
import dev.hench.collector.metrics.MetricsAlertListener;
import dev.hench.collector.metrics.PrometheusEndpoint;
import dev.hench.collector.metrics.WorkerMeters;
import dev.hench.collector.worker.HistorySignal;
import dev.hench.collector.worker.WorkerRegistry;
import dev.hench.collector.worker.WorkerSeries;
import dev.hench.collector.worker.WorkersEndpoint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running collector: ingest server, worker registry, leak detector, alert listeners (log,
 * JFR, metrics, agent push), the JFR file and the loopback HTTP port. Other features attach
 * through the accessors: {@link #http()} for endpoints, {@link #agents()} to push lines to
 * agents, {@link #alerts()} for more alert listeners, {@link #workers()} for per-worker state.
 *
 * <p>{@link #close()} stops everything in reverse order and writes the JFR file a last time.
 */
public final class Collector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AlertDispatcher alerts = new AlertDispatcher(meters);
    private final IngestMetrics ingestMetrics = new IngestMetrics(meters);
    private final WorkerRegistry workers;
    private final IngestPipeline pipeline;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hench-worker-sweeper");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean closed = new AtomicBoolean();
    private IngestServer ingest;
    private CollectorRecording recording;
    private LoopbackHttpServer http;
    private AdmissionController admission;
    private Housekeeper housekeeper;

    private Collector(CollectorSettings settings, LeakDetector detector) {
        workers = new WorkerRegistry(settings.workers(), detector);
        workers.addListener(new WorkerMeters(meters));
        pipeline = new IngestPipeline(detector, alerts, ingestMetrics);
    }

    /**
     * Starts every part; on failure, stops what had started and rethrows.
     *
     * @throws IOException when a socket or the JFR file cannot be opened
     * @throws IllegalStateException when the JVM has no Flight Recorder
     */
    public static Collector start(CollectorSettings settings, LeakDetector detector) throws IOException {
        Collector collector = new Collector(settings, detector);
        try {
            collector.startParts(settings);
            return collector;
        } catch (IOException | RuntimeException e) {
            collector.close();
            throw e;
        }
    }

    // The wiring list, in start order; kept in one place so the order is visible.
    private void startParts(CollectorSettings settings) throws IOException {
        recording = CollectorRecording.start(settings.jfr(), AdmissionChangedEvent.class);
        alerts.addListener(new LogAlertListener());
        alerts.addListener(new JfrAlertListener(recording));
        alerts.addListener(new MetricsAlertListener(meters));
        admission = AdmissionController.create(settings.admission(), WorkerPeaks.medianOf(this::peakRssPerWorker));
        if (settings.http().address() != null) {
            http = new LoopbackHttpServer(settings.http().address());
            http.route("/metrics", new PrometheusEndpoint(meters));
            http.route("/v1/workers", new WorkersEndpoint(workers));
            http.route(AdmissionHttpHandler.PATH, new AdmissionHttpHandler(admission));
            http.start();
        }
        WireRecorder recorder = settings.ingest().recordDir() == null
                ? null : new WireRecorder(settings.ingest().recordDir());
        ingest = new IngestServer(settings.ingest(), workers, pipeline, ingestMetrics, recorder);
        alerts.addListener(new AgentAlertPush(ingest));
        SuspectRequests suspects = new SuspectRequests(settings.suspects(), ingest, alerts);
        alerts.addListener(suspects);
        pipeline.onSuspects(suspects::onSuspects);
        ingest.addGreeting(admission::currentAgentMessage);
        ingest.start();
        admission.addBroadcast(ingest::broadcast);
        // Each level change commits a hench.AdmissionChanged event, so the next dump must write the file.
        admission.addBroadcast(line -> recording.markChanged());
        admission.start();
        housekeeper = new Housekeeper(settings.housekeeping(), meters, Clock.systemDefaultZone());
        housekeeper.start();
        long sweepMillis = Math.max(1_000, Math.min(10_000, settings.workers().gracePeriod().toMillis() / 2));
        sweeper.scheduleWithFixedDelay(this::sweep, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    private LongStream peakRssPerWorker() {
        return workers.all().stream().mapToLong(Collector::peakRssBytes);
    }

    private static long peakRssBytes(WorkerSeries series) {
        long[] values = series.history(HistorySignal.RSS)[1];
        return LongStream.of(values).max().orElse(-1);
    }

    private void sweep() {
        try {
            workers.sweep(System.currentTimeMillis());
        } catch (RuntimeException e) {
            log.error("sweeping disconnected worker series failed", e);
        }
    }

    /** Returns the loopback HTTP server, or null when {@code http.listen=off}. */
    public LoopbackHttpServer http() {
        return http;
    }

    public AgentLinks agents() {
        return ingest;
    }

    public AlertDispatcher alerts() {
        return alerts;
    }

    public WorkerRegistry workers() {
        return workers;
    }

    public IngestPipeline pipeline() {
        return pipeline;
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    public ListenAddress ingestAddress() {
        return ingest.boundAddress();
    }

    /** Returns the admission controller, which reads the memory budget at every interval. */
    public AdmissionController admission() {
        return admission;
    }

    public CollectorRecording recording() {
        return recording;
    }

    /** Stops every part; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (housekeeper != null) {
            housekeeper.stop();
        }
        if (ingest != null) {
            ingest.close();
        }
        sweeper.shutdownNow();
        if (admission != null) {
            admission.close();
        }
        if (http != null) {
            http.close();
        }
        if (recording != null) {
            recording.close();
        }
    }
}
