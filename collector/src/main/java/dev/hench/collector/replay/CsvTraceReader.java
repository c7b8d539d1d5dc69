package dev.hench.collector.replay;

import dev.hench.collector.signal.GcKind;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV trace: a header row, then one observation per row. {@code t_seconds} is required;
 * the known columns are listed in {@link #KNOWN_COLUMNS}; an empty cell means absent; unknown
 * columns are ignored with a warning. Cells are separated by commas and are not quoted. A row
 * with {@code gc_kind} is also a GC event and needs {@code heap_after_gc_bytes}. A change in the
 * optional {@code session} column starts a new series (a JVM restart).
 */
final class CsvTraceReader {

    static final List<String> KNOWN_COLUMNS = List.of("t_seconds", "heap_used_bytes",
            "heap_committed_bytes", "heap_max_bytes", "heap_after_gc_bytes", "gc_kind",
            "gc_pause_ms", "rss_bytes", "metaspace_bytes", "metaspace_max_bytes",
            "code_cache_bytes", "direct_bytes", "mapped_bytes", "compiled_methods",
            "loaded_classes", "phase", "run_id", "session");

    private final String fileName;
    private final List<String> warnings = new ArrayList<>();
    private Map<String, Integer> columns;
    private int lineNumber;
    private String[] cells;

    CsvTraceReader(String fileName) {
        this.fileName = fileName;
    }

    Trace read(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        lineNumber = 1;
        if (header == null) {
            throw new TraceFormatException(fileName + ": empty file; a CSV trace needs a header "
                    + "row with at least t_seconds");
        }
        readHeader(header);
        String worker = TraceFiles.workerId(fileName);
        List<TraceSeries> series = new ArrayList<>();
        List<Observation> current = new ArrayList<>();
        String session = null;
        long lastMillis = Long.MIN_VALUE;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            cells = line.split(",", -1);
            String rowSession = text("session");
            String sessionId = rowSession == null ? "1" : rowSession;
            if (session != null && !sessionId.equals(session)) {
                series.add(new TraceSeries(new WorkerKey(worker, session), current));
                current = new ArrayList<>();
                lastMillis = Long.MIN_VALUE;
            }
            session = sessionId;
            Observation observation = parseRow();
            if (observation.timeMillis() < lastMillis) {
                throw invalid("t_seconds", cell("t_seconds"), "must not decrease within a "
                        + "session; add a session column to mark a JVM restart");
            }
            lastMillis = observation.timeMillis();
            current.add(observation);
        }
        if (session != null) {
            series.add(new TraceSeries(new WorkerKey(worker, session), current));
        }
        return new Trace(fileName, series, warnings);
    }

    private void readHeader(String header) {
        columns = new HashMap<>();
        String[] names = header.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].trim();
            if (KNOWN_COLUMNS.contains(name)) {
                columns.put(name, i);
            } else {
                warnings.add(fileName + ": unknown column '" + name + "' ignored; known columns: "
                        + String.join(", ", KNOWN_COLUMNS));
            }
        }
        if (!columns.containsKey("t_seconds")) {
            throw new TraceFormatException(fileName + ": line 1: the header has no t_seconds "
                    + "column (found: " + Arrays.toString(names) + "); add t_seconds, the time "
                    + "of each row in seconds");
        }
    }

    private Observation parseRow() {
        String time = cell("t_seconds");
        if (time == null) {
            throw invalid("t_seconds", "", "is required in every row");
        }
        double seconds = decimal("t_seconds", time);
        Observation.Builder row = Observation.at(Math.round(seconds * 1000));
        row.heap(bytes("heap_used_bytes"), bytes("heap_committed_bytes"),
                bytes("heap_max_bytes"));
        GcKind kind = gcKind();
        long after = bytes("heap_after_gc_bytes");
        if (kind != null) {
            if (!Observation.isPresent(after)) {
                throw invalid("heap_after_gc_bytes", "", "is required in a row with gc_kind");
            }
            String pause = cell("gc_pause_ms");
            long pauseNanos = pause == null ? Observation.ABSENT
                    : Math.round(decimal("gc_pause_ms", pause) * 1e6);
            row.gc(kind, after, pauseNanos);
        }
        row.rssBytes(bytes("rss_bytes"));
        row.metaspace(bytes("metaspace_bytes"), bytes("metaspace_max_bytes"));
        row.codeCacheBytes(bytes("code_cache_bytes"));
        row.bufferPools(bytes("direct_bytes"), bytes("mapped_bytes"));
        row.counters(count("compiled_methods"), count("loaded_classes"));
        row.phase(text("phase"));
        row.runId(text("run_id"));
        return row.build();
    }

    private GcKind gcKind() {
        String value = cell("gc_kind");
        if (value == null) {
            return null;
        }
        try {
            return GcKind.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid("gc_kind", value, "must be one of young, mixed, old, full");
        }
    }

    private long bytes(String column) {
        return count(column);
    }

    private long count(String column) {
        String value = cell(column);
        if (value == null) {
            return Observation.ABSENT;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < 0) {
                throw invalid(column, value, "must be a whole number of at least 0");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(column, value, "must be a whole number such as 1048576");
        }
    }

    private double decimal(String column, String value) {
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed) || parsed < 0) {
                throw invalid(column, value, "must be a number of at least 0");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(column, value, "must be a number such as 12.5");
        }
    }

    private String text(String column) {
        return cell(column);
    }

    /** Returns the trimmed cell of {@code column} in the current row, or null when empty. */
    private String cell(String column) {
        Integer index = columns.get(column);
        if (index == null || index >= cells.length) {
            return null;
        }
        String value = cells[index].trim();
        return value.isEmpty() ? null : value;
    }

    private TraceFormatException invalid(String column, String value, String allowed) {
        return new TraceFormatException(fileName + ": line " + lineNumber + ", column "
                + column + ": value '" + value + "' " + allowed);
    }
}
