package dev.hench.collector.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hench.collector.signal.GcKind;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the wire format that the collector records (JSON Lines as in docs/protocol.md): each
 * {@code hello} opens the series of its session, and {@code sample} and {@code gc} messages become
 * observations. {@code phase} and {@code run} messages become observations that carry only the
 * phase and run in force after them, which GC events inherit, since GC messages carry none. A message whose {@code seq} its session already had
 * (a resend after reconnecting) is skipped. Other message types are counted in a warning.
 */
final class WireTraceReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String fileName;
    private final Map<String, SessionState> sessions = new LinkedHashMap<>();
    private final Map<String, Integer> ignoredTypes = new TreeMap<>();
    private SessionState current;
    private int lineNumber;

    WireTraceReader(String fileName) {
        this.fileName = fileName;
    }

    Trace read(BufferedReader reader) throws IOException {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                readLine(line);
            }
        }
        List<String> warnings = new ArrayList<>();
        ignoredTypes.forEach((type, count) -> warnings.add(fileName + ": " + count
                + " message(s) of type '" + type + "' ignored"));
        List<TraceSeries> series = new ArrayList<>();
        for (SessionState session : sessions.values()) {
            series.add(new TraceSeries(session.worker, session.observations));
        }
        return new Trace(fileName, series, warnings);
    }

    private void readLine(String line) {
        JsonNode message = parse(line);
        String type = message.path("type").asText("");
        if (type.equals("hello")) {
            hello(message);
            return;
        }
        if (!List.of("sample", "gc", "phase", "run").contains(type)) {
            ignoredTypes.merge(type.isEmpty() ? "(none)" : type, 1, Integer::sum);
            return;
        }
        if (current == null) {
            throw invalid("type", type, "appears before the first hello; a recorded trace "
                    + "starts with the hello of its session");
        }
        if (!current.isNew(message.path("seq").asLong(Long.MAX_VALUE))) {
            return;
        }
        switch (type) {
            case "sample":
                current.observations.add(sample(message));
                break;
            case "gc":
                current.observations.add(gc(message));
                break;
            case "phase":
                phase(message);
                current.observations.add(boundary(message));
                break;
            default:
                run(message);
                current.observations.add(boundary(message));
                break;
        }
    }

    private JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw invalid("line", line, "must be one JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new TraceFormatException(fileName + ": line " + lineNumber
                    + ": not valid JSON (" + e.getOriginalMessage() + "); each line must be one "
                    + "JSON object as in docs/protocol.md", e);
        }
    }

    private void hello(JsonNode message) {
        String worker = required(message, "worker");
        String session = required(message, "session");
        current = sessions.computeIfAbsent(worker + "/" + session,
                key -> new SessionState(new WorkerKey(worker, session)));
        current.heapMaxBytes = optional(message, "heapMaxBytes");
    }

    private Observation sample(JsonNode message) {
        Observation.Builder sample = Observation.at(time(message));
        long heapMax = optional(message, "heapMaxBytes");
        sample.heap(optional(message, "heapUsedBytes"), optional(message, "heapCommittedBytes"),
                Observation.isPresent(heapMax) ? heapMax : current.heapMaxBytes);
        sample.rssBytes(optional(message, "rssBytes"));
        sample.metaspace(optional(message, "metaspaceUsedBytes"),
                optional(message, "metaspaceMaxBytes"));
        sample.codeCacheBytes(optional(message, "codeCacheBytes"));
        sample.bufferPools(optional(message, "directBytes"), optional(message, "mappedBytes"));
        sample.counters(optional(message, "compiledMethods"), optional(message, "loadedClasses"));
        sample.phase(message.hasNonNull("phase") ? message.get("phase").asText() : null);
        sample.runId(message.hasNonNull("runId") ? message.get("runId").asText() : null);
        return sample.build();
    }

    private Observation gc(JsonNode message) {
        String kindText = required(message, "kind");
        GcKind kind;
        try {
            kind = GcKind.parse(kindText);
        } catch (IllegalArgumentException e) {
            throw invalid("kind", kindText, "must be one of young, mixed, old, full");
        }
        long after = optional(message, "heapAfterBytes");
        if (!Observation.isPresent(after)) {
            throw invalid("heapAfterBytes", "(missing)", "is required in a gc message");
        }
        return Observation.at(time(message))
                .heap(Observation.ABSENT, Observation.ABSENT, current.heapMaxBytes)
                .gc(kind, after, optional(message, "pauseNanos"))
                .phase(current.phases.peek())
                .runId(current.runId)
                .build();
    }

    private void phase(JsonNode message) {
        String name = required(message, "name");
        if ("begin".equals(message.path("event").asText())) {
            current.phases.push(name);
        } else {
            current.phases.remove(name);
        }
    }

    private void run(JsonNode message) {
        String runId = required(message, "runId");
        current.runId = "begin".equals(message.path("event").asText()) ? runId : null;
    }

    /** Returns the observation of a phase or run message: only the phase and run after it. */
    private Observation boundary(JsonNode message) {
        return Observation.at(time(message)).phase(current.phases.peek()).runId(current.runId)
                .build();
    }

    private long time(JsonNode message) {
        long millis = optional(message, "timeMillis");
        if (!Observation.isPresent(millis)) {
            throw invalid("timeMillis", "(missing)", "is required in every sample and gc message");
        }
        return millis;
    }

    private String required(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw invalid(field, "(missing)", "is required in a " + message.path("type").asText()
                    + " message");
        }
        return value.asText();
    }

    private long optional(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return Observation.ABSENT;
        }
        if (!value.canConvertToLong() || value.asLong() < 0) {
            throw invalid(field, value.toString(), "must be a whole number of at least 0");
        }
        return value.asLong();
    }

    private TraceFormatException invalid(String field, String value, String allowed) {
        return new TraceFormatException(fileName + ": line " + lineNumber + ", field " + field
                + ": value '" + value + "' " + allowed);
    }

    /** What the reader tracks per session while it reads. */
    private static final class SessionState {
        final WorkerKey worker;
        final List<Observation> observations = new ArrayList<>();
        final Deque<String> phases = new ArrayDeque<>();
        String runId;
        long heapMaxBytes = Observation.ABSENT;
        long lastSeq;

        SessionState(WorkerKey worker) {
            this.worker = worker;
        }

        /** Returns true, and remembers it, when {@code seq} is new for this session. */
        boolean isNew(long seq) {
            if (seq == Long.MAX_VALUE) {
                return true;
            }
            if (seq <= lastSeq) {
                return false;
            }
            lastSeq = seq;
            return true;
        }
    }
}
