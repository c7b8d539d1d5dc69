package dev.hench.collector.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hench.collector.http.LoopbackHttpServer;
import dev.hench.collector.leak.HostMemory;
import dev.hench.collector.leak.RobustLeakDetector;
import dev.hench.collector.leak.LeakSettings;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkersEndpointTest {

    @Test
    void workersAreListedWithLatestValues() throws Exception {
        WorkerRegistry registry = new WorkerRegistry(new WorkerSettings(Duration.ofMinutes(1), 8),
                new RobustLeakDetector(LeakSettings.defaults(), worker -> HostMemory.totalBytes()));
        WorkerSeries series = registry.connected(new WorkerIdentity(new WorkerKey("build-7", "s1"), 41872,
                "Eclipse Adoptium", "21.0.5", 0, 2048, "0.1.0", "/system.slice/w.service", "G1"));
        series.record(Observation.at(5).heap(1000, 1500, 2048).rssBytes(4096).build(), true);
        LoopbackHttpServer http = new LoopbackHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        http.route("/v1/workers", new WorkersEndpoint(registry));
        http.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://" + http.hostAndPort() + "/v1/workers")).build(),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode worker = new ObjectMapper().readTree(response.body()).get("workers").get(0);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(worker.get("worker").asText()).isEqualTo("build-7");
            assertThat(worker.get("connected").asBoolean()).isTrue();
            assertThat(worker.get("pid").asLong()).isEqualTo(41872);
            assertThat(worker.get("cgroupPath").asText()).isEqualTo("/system.slice/w.service");
            assertThat(worker.get("heapUsedBytes").asLong()).isEqualTo(1000);
            assertThat(worker.get("rssBytes").asLong()).isEqualTo(4096);
            assertThat(worker.has("metaspaceBytes")).isFalse();
        } finally {
            http.close();
        }
    }
}
