package dev.hench.collector.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.alert.AlertDispatcher;
import dev.hench.collector.http.LoopbackHttpServer;
import dev.hench.collector.ingest.IngestMetrics;
import dev.hench.collector.ingest.IngestPipeline;
import dev.hench.collector.ingest.MalformedLineException;
import dev.hench.collector.ingest.ProtocolClient;
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
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrometheusEndpointTest {

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RobustLeakDetector detector =
            new RobustLeakDetector(LeakSettings.defaults(), worker -> HostMemory.totalBytes());
    private final WorkerRegistry registry = new WorkerRegistry(new WorkerSettings(Duration.ZERO, 32), detector);
    private final IngestPipeline pipeline = new IngestPipeline(detector, new AlertDispatcher(meters),
            new IngestMetrics(meters));
    private LoopbackHttpServer http;

    @BeforeEach
    void start() throws Exception {
        registry.addListener(new WorkerMeters(meters));
        http = new LoopbackHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        http.route("/metrics", new PrometheusEndpoint(meters));
        http.start();
    }

    @AfterEach
    void stop() {
        http.close();
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + http.hostAndPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        return response.body();
    }

    private void feed(WorkerSeries series, String line) throws MalformedLineException {
        WireMessage message = new WireMessage();
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        new WireParser().parse(bytes, 0, bytes.length, message);
        pipeline.accept(series, message);
    }

    @Test
    void workerMetersAppearWithTags() throws Exception {
        WorkerSeries series = registry.connected(new WorkerIdentity(new WorkerKey("build-7", "s1"), 1, "v", "17",
                0, 268435456L, "test", null, "G1"));
        feed(series, ProtocolClient.sample(1, 1000, 73400320));
        feed(series, ProtocolClient.gc(2, 1001, "young", 61000000));

        String body = scrape();

        assertThat(body).contains("hench_worker_heap_used_bytes{session=\"s1\",worker=\"build-7\"} 7.340032E7");
        assertThat(body).contains("hench_worker_heap_after_gc_bytes{session=\"s1\",worker=\"build-7\"} 6.1E7");
        assertThat(body).contains("hench_worker_connected{session=\"s1\",worker=\"build-7\"} 1.0");
        assertThat(body).contains("hench_worker_samples_total{session=\"s1\",worker=\"build-7\"} 1.0");
        assertThat(body).contains("hench_ingest_connections 0.0");
    }

    @Test
    void forgottenWorkerMetersDisappear() throws Exception {
        WorkerSeries series = registry.connected(new WorkerIdentity(new WorkerKey("gone", "s1"), 1, "v", "17",
                0, 268435456L, "test", null, "G1"));
        registry.disconnected(series, 1);
        registry.sweep(2);

        assertThat(scrape()).doesNotContain("worker=\"gone\"");
    }
}
