package dev.hench.collector.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.zip.GZIPOutputStream;

/**
 * Deterministic model of one worker JVM that writes a CSV trace: a live set given as a function
 * of time, young collections at every row whose after-GC value also holds the old garbage
 * promoted since the last old collection, old (mixed or full) collections at a fixed period that
 * leave the live set, warmup counters that decay, and RSS built from committed heap, metaspace,
 * code cache, direct buffers and other native memory. Noise comes from a seeded
 * {@link Random}, so the same settings always give the same bytes.
 */
final class WorkerSimulation {

    static final double MIB = 1024.0 * 1024.0;
    static final String HEADER = "t_seconds,heap_used_bytes,heap_committed_bytes,heap_max_bytes,"
            + "heap_after_gc_bytes,gc_kind,gc_pause_ms,rss_bytes,metaspace_bytes,"
            + "metaspace_max_bytes,code_cache_bytes,direct_bytes,compiled_methods,"
            + "loaded_classes,phase,run_id,session";

    double durationSeconds = 3600;
    double stepSeconds = 10;
    long seed = 1;
    long heapMaxBytes = 4L << 30;
    Long metaspaceMaxBytes;
    DoubleUnaryOperator liveMib = t -> 800;
    DoubleUnaryOperator committedMib = t -> heapMaxBytes / MIB;
    DoubleUnaryOperator metaspaceMib = t -> 60 + 20 * (1 - Math.exp(-t / 40));
    DoubleUnaryOperator directMib = t -> 16;
    DoubleUnaryOperator nativeOtherMib = t -> 120;
    DoubleUnaryOperator extraYoungAfterMib = t -> 0;
    DoubleFunction<String> phase = t -> null;
    DoubleFunction<String> runId = t -> null;
    DoubleFunction<String> session = t -> "1";
    double oldGcPeriodSeconds = 120;
    String oldGcKind = "mixed";
    double promotionMibPerSecond = 0.05;
    double floorNoiseMib = 2;
    double rssNoiseMib = 3;
    double warmupSeconds = 40;
    double classesPerMinuteAfterWarmup = 0;
    boolean gcEvents = true;
    boolean jfrValues = true;
    /** From this time on every row is a full collection with long pauses (death spiral). */
    double spiralFromSeconds = Double.MAX_VALUE;

    private Random random;
    private double lastOldGc;
    private double sessionStart;
    private String lastSession;

    void writeGzip(OutputStream out) throws IOException {
        try (Writer writer = new OutputStreamWriter(new GZIPOutputStream(out),
                StandardCharsets.UTF_8)) {
            write(writer);
        }
    }

    void write(Writer out) throws IOException {
        random = new Random(seed);
        out.write(HEADER);
        out.write('\n');
        double nextOld = oldGcPeriodSeconds;
        for (double t = 0; t <= durationSeconds + 1e-9; t += stepSeconds) {
            String currentSession = session.apply(t);
            if (!currentSession.equals(lastSession)) {
                lastSession = currentSession;
                sessionStart = t;
                lastOldGc = t;
                nextOld = t + oldGcPeriodSeconds;
            }
            if (t >= spiralFromSeconds) {
                out.write(row(t, "full", live(t), 0.8 * stepSeconds * 1000));
                continue;
            }
            double young = live(t) + promotionMibPerSecond * MIB * (t - lastOldGc)
                    + extraYoungAfterMib.applyAsDouble(t) * MIB;
            out.write(row(t, gcEvents ? "young" : null, young, 6));
            if (gcEvents && t + stepSeconds > nextOld) {
                double oldTime = nextOld;
                out.write(row(round(oldTime), oldGcKind, live(oldTime), 25));
                lastOldGc = oldTime;
                nextOld += oldGcPeriodSeconds;
            }
        }
    }

    private double live(double t) {
        return liveMib.applyAsDouble(t) * MIB + random.nextGaussian() * floorNoiseMib * MIB;
    }

    private String row(double t, String gcKind, double afterBytes, double pauseMillis) {
        double sinceStart = t - sessionStart;
        long committed = bytes(committedMib.applyAsDouble(t));
        long after = Math.min((long) afterBytes, heapMaxBytes);
        long used = Math.min(heapMaxBytes, after + (long) (random.nextDouble() * 200 * MIB));
        long metaspace = bytes(metaspaceMib.applyAsDouble(sinceStart));
        long codeCache = bytes(8 + 30 * (1 - Math.exp(-sinceStart / warmupSeconds)));
        long direct = bytes(directMib.applyAsDouble(t));
        long rss = committed + metaspace + codeCache + direct
                + bytes(nativeOtherMib.applyAsDouble(t) + random.nextGaussian() * rssNoiseMib);
        long compiled = Math.round(8000 * (1 - Math.exp(-sinceStart / warmupSeconds))
                + sinceStart / 60.0 * 5);
        long classes = Math.round(5000 * (1 - Math.exp(-sinceStart / warmupSeconds))
                + sinceStart / 60.0 * classesPerMinuteAfterWarmup);
        StringBuilder line = new StringBuilder(160);
        line.append(String.format(Locale.ROOT, "%.1f", t)).append(',');
        line.append(used).append(',').append(committed).append(',').append(heapMaxBytes).append(',');
        line.append(gcKind == null ? "" : Long.toString(after)).append(',');
        line.append(gcKind == null ? "" : gcKind).append(',');
        line.append(gcKind == null ? "" : String.format(Locale.ROOT, "%.1f", pauseMillis))
                .append(',');
        line.append(rss).append(',');
        line.append(jfrValues ? Long.toString(metaspace) : "").append(',');
        line.append(metaspaceMaxBytes == null ? "" : metaspaceMaxBytes.toString()).append(',');
        line.append(jfrValues ? Long.toString(codeCache) : "").append(',');
        line.append(direct).append(',');
        line.append(jfrValues ? Long.toString(compiled) : "").append(',');
        line.append(jfrValues ? Long.toString(classes) : "").append(',');
        line.append(orEmpty(phase.apply(t))).append(',');
        line.append(orEmpty(runId.apply(t))).append(',');
        line.append(session.apply(t)).append('\n');
        return line.toString();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static long bytes(double mib) {
        return Math.round(mib * MIB);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
