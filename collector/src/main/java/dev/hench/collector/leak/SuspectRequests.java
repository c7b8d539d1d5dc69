package dev.hench.collector.leak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertDispatcher;
import dev.hench.collector.alert.AlertListener;
import dev.hench.collector.alert.AlertState;
import dev.hench.collector.alert.Signal;
import dev.hench.collector.ingest.AgentLinks;
import dev.hench.collector.ingest.WireMessage;
import dev.hench.collector.signal.WorkerKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a worker for the objects it retains when a heap leak alert is raised, and adds the reply
 * to that alert. The agent samples {@code jdk.OldObjectSample} with stack traces for a bounded
 * time and replies with a {@code suspects} message; this class then dispatches an
 * {@link AlertState#UPDATED} transition of the same alert id that carries the suspects.
 *
 * <p>At most one request per worker series is open at a time. Thread-safe.
 */
public final class SuspectRequests implements AlertListener {

    private static final Logger log = LoggerFactory.getLogger(SuspectRequests.class);
    private static final int MAX_SUSPECTS = 5;
    private static final int MAX_FRAMES = 3;

    private final SuspectSettings settings;
    private final AgentLinks agents;
    private final AlertDispatcher dispatcher;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong nextRequest = new AtomicLong(1);
    private final Map<String, Alert> openByRequestId = new ConcurrentHashMap<>();
    private final Map<WorkerKey, String> requestIdBySeries = new ConcurrentHashMap<>();

    public SuspectRequests(SuspectSettings settings, AgentLinks agents, AlertDispatcher dispatcher) {
        this.settings = settings;
        this.agents = agents;
        this.dispatcher = dispatcher;
    }

    @Override
    public String name() {
        return "suspects";
    }

    @Override
    public void onAlert(Alert alert) {
        if (!settings.enabled() || alert.signal() != Signal.HEAP) {
            return;
        }
        if (alert.state() == AlertState.RESOLVED) {
            requestIdBySeries.remove(alert.worker());
            return;
        }
        if (alert.state() == AlertState.RAISED && alert.level().isAlarm() && alert.suspects().isEmpty()) {
            request(alert);
        }
    }

    private void request(Alert alert) {
        String requestId = "s" + nextRequest.getAndIncrement();
        if (requestIdBySeries.putIfAbsent(alert.worker(), requestId) != null) {
            return;
        }
        openByRequestId.put(requestId, alert);
        String line = "{\"type\":\"detail\",\"requestId\":\"" + requestId + "\",\"durationSeconds\":"
                + settings.sampleDuration().toSeconds() + "}";
        boolean queued = agents.send(alert.worker(), line);
        log.info("suspects requested worker={} alert={} requestId={} durationSeconds={} queued={}",
                alert.worker(), alert.id(), requestId, settings.sampleDuration().toSeconds(), queued);
        if (!queued) {
            openByRequestId.remove(requestId);
            requestIdBySeries.remove(alert.worker(), requestId);
        }
    }

    /** Handles one {@code suspects} message; runs on the worker's ingest thread. */
    public void onSuspects(WorkerKey worker, WireMessage message) {
        String requestId = message.requestId();
        Alert alert = requestId == null ? null : openByRequestId.remove(requestId);
        if (alert == null) {
            log.info("suspects ignored worker={} requestId={}: no open request with that id", worker, requestId);
            return;
        }
        requestIdBySeries.remove(worker, requestId);
        List<String> suspects = parseSuspects(worker, message.lineText());
        if (suspects.isEmpty()) {
            log.info("suspects empty worker={} alert={}: the worker sampled no old objects", worker, alert.id());
            return;
        }
        dispatcher.dispatch(withSuspects(alert, suspects));
    }

    private List<String> parseSuspects(WorkerKey worker, String line) {
        List<String> suspects = new ArrayList<>();
        try {
            JsonNode entries = json.readTree(line).path("entries");
            for (JsonNode entry : entries) {
                if (suspects.size() == MAX_SUSPECTS) {
                    break;
                }
                suspects.add(describe(entry));
            }
        } catch (IOException e) {
            log.warn("suspects message from worker={} is not valid JSON: {}", worker, e.getMessage());
        }
        return suspects;
    }

    /** Formats one entry as "byte[] x31 at a.B.put:41 < a.C.run:88". */
    static String describe(JsonNode entry) {
        StringBuilder text = new StringBuilder(entry.path("className").asText("(unknown class)"));
        if (entry.has("samples")) {
            text.append(" x").append(entry.path("samples").asLong());
        }
        JsonNode stack = entry.path("stack");
        for (int i = 0; i < Math.min(MAX_FRAMES, stack.size()); i++) {
            text.append(i == 0 ? " at " : " < ").append(stack.get(i).asText());
        }
        return text.toString();
    }

    private static Alert withSuspects(Alert alert, List<String> suspects) {
        return new Alert(alert.id(), alert.worker(), alert.signal(), alert.level(), AlertState.UPDATED,
                alert.at(), alert.slopeBytesPerMinute(), alert.slopeLowBytesPerMinute(),
                alert.slopeHighBytesPerMinute(), alert.floorBytes(), alert.limitBytes(),
                alert.timeToLimit(), alert.evidenceSpan(), alert.believedSince(),
                alert.signal().wireName() + " leak suspects reported by the worker; top suspect: "
                        + suspects.get(0), suspects);
    }
}
