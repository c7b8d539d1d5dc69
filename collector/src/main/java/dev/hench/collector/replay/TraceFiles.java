package dev.hench.collector.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Opens trace files by name: CSV or JSON Lines, each optionally gzip-compressed. */
public final class TraceFiles {

    private TraceFiles() {
    }

    /**
     * Reads a trace, choosing the reader by the file name: {@code .csv} or {@code .csv.gz} for
     * CSV, {@code .jsonl}, {@code .ndjson} (optionally {@code .gz}) for the wire format.
     */
    public static Trace read(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(name, in);
        }
    }

    /** Reads a trace from a stream; {@code name} selects the format as in {@link #read(Path)}. */
    public static Trace read(String name, InputStream in) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean gzip = lower.endsWith(".gz");
        String plain = gzip ? lower.substring(0, lower.length() - 3) : lower;
        InputStream data = gzip ? new GZIPInputStream(in) : in;
        BufferedReader reader = new BufferedReader(new InputStreamReader(data,
                StandardCharsets.UTF_8));
        if (plain.endsWith(".csv")) {
            return new CsvTraceReader(name).read(reader);
        }
        if (plain.endsWith(".jsonl") || plain.endsWith(".ndjson")) {
            return new WireTraceReader(name).read(reader);
        }
        throw new TraceFormatException(name + ": unknown trace format; name the file *.csv or "
                + "*.jsonl (the collector's --record output), optionally with .gz");
    }

    /** Returns the worker id a trace file stands for: its name without extensions. */
    static String workerId(String fileName) {
        String base = Path.of(fileName).getFileName().toString();
        int dot = base.indexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
