package dev.hench.collector.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hench.collector.signal.Observation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /v1/workers}: every known series as JSON, with identity, connection state and the
 * latest values. Numbers the worker has not reported are left out.
 */
public final class WorkersEndpoint implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorkerRegistry registry;

    public WorkersEndpoint(WorkerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ArrayNode workers = JSON.createArrayNode();
            for (WorkerSeries series : registry.all()) {
                workers.add(describe(series));
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("workers", workers);
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static ObjectNode describe(WorkerSeries series) {
        WorkerIdentity identity = series.identity();
        ObjectNode node = JSON.createObjectNode()
                .put("worker", series.key().workerId())
                .put("session", series.key().sessionId())
                .put("connected", series.isConnected());
        putIfPresent(node, "pid", identity.pid());
        node.put("jvmVendor", identity.jvmVendor()).put("jvmVersion", identity.jvmVersion());
        node.put("cgroupPath", identity.cgroupPath()).put("gcName", identity.gcName());
        putIfPresent(node, "disconnectedAtMillis", series.disconnectedAtMillis() == 0
                ? Observation.ABSENT : series.disconnectedAtMillis());
        node.put("samplesReceived", series.samplesReceived());
        node.put("lastSeq", series.sequence().lastProcessedSeq());
        node.put("missingMessages", series.sequence().missingMessages());
        putIfPresent(node, "heapMaxBytes", series.heapMaxBytes());
        putIfPresent(node, "heapFloorBytes", series.heapFloorBytes());
        Observation last = series.lastSample();
        if (last != null) {
            putIfPresent(node, "heapUsedBytes", last.heapUsedBytes());
            putIfPresent(node, "rssBytes", last.rssBytes());
            putIfPresent(node, "metaspaceBytes", last.metaspaceBytes());
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, long value) {
        if (Observation.isPresent(value)) {
            node.put(field, value);
        }
    }
}
