package dev.hench.collector.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hench.collector.alert.Alert;
import dev.hench.collector.leak.Format;
import dev.hench.collector.leak.Verdict;
import java.io.PrintWriter;
import java.time.Duration;

/** Prints replay results as text for people or as JSON for machines. */
final class ReplayOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayOutput() {
    }

    static void printText(ReplayResult result, PrintWriter out) {
        out.printf("%s: %d observations in %.3f s%n", result.trace(), result.observations(),
                result.elapsedNanos() / 1e9);
        for (ReplayResult.SeriesResult series : result.series()) {
            out.printf("  worker %s, %s of data%n", series.worker(),
                    Format.duration(Duration.ofMillis(series.lastMillis() - series.firstMillis())));
            out.println("    alert timeline:");
            if (series.alerts().isEmpty()) {
                out.println("      (no alerts)");
            }
            for (Alert alert : series.alerts()) {
                out.printf("      +%s %-8s %-9s %-11s %s%n",
                        clock(alert.at().toEpochMilli() - series.firstMillis()),
                        alert.state().name().toLowerCase(java.util.Locale.ROOT),
                        alert.signal().wireName(), alert.level().displayName(), alert.id());
                out.printf("          %s%n", alert.message());
            }
            out.println("    verdicts at the end:");
            for (Verdict verdict : series.verdicts()) {
                out.printf("      %-9s %-7s %-17s %s%n", verdict.source(),
                        verdict.signal().wireName(), verdict.level().displayName(),
                        verdict.reason());
            }
        }
    }

    static ObjectNode json(ReplayResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("trace", result.trace());
        node.put("observations", result.observations());
        node.put("elapsedSeconds", result.elapsedNanos() / 1e9);
        ArrayNode warnings = node.putArray("warnings");
        result.warnings().forEach(warnings::add);
        ArrayNode seriesArray = node.putArray("series");
        for (ReplayResult.SeriesResult series : result.series()) {
            ObjectNode s = seriesArray.addObject();
            s.put("worker", series.worker().workerId());
            s.put("session", series.worker().sessionId());
            s.put("spanSeconds", (series.lastMillis() - series.firstMillis()) / 1000.0);
            ArrayNode alerts = s.putArray("alerts");
            series.alerts().forEach(alert -> alerts.add(alertJson(alert, series.firstMillis())));
            ArrayNode verdicts = s.putArray("verdicts");
            series.verdicts().forEach(verdict -> verdicts.add(verdictJson(verdict)));
        }
        return node;
    }

    private static ObjectNode alertJson(Alert alert, long firstMillis) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", alert.id());
        node.put("atSeconds", (alert.at().toEpochMilli() - firstMillis) / 1000.0);
        node.put("state", alert.state().name().toLowerCase(java.util.Locale.ROOT));
        node.put("signal", alert.signal().wireName());
        node.put("level", alert.level().displayName());
        putNumber(node, "slopeBytesPerMinute", alert.slopeBytesPerMinute());
        putNumber(node, "slopeLowBytesPerMinute", alert.slopeLowBytesPerMinute());
        putNumber(node, "slopeHighBytesPerMinute", alert.slopeHighBytesPerMinute());
        putNumber(node, "floorBytes", alert.floorBytes());
        putNumber(node, "limitBytes", alert.limitBytes());
        putSeconds(node, "timeToLimitSeconds", alert.timeToLimit());
        putSeconds(node, "evidenceSpanSeconds", alert.evidenceSpan());
        if (alert.believedSince() != null) {
            node.put("believedSinceSeconds",
                    (alert.believedSince().toEpochMilli() - firstMillis) / 1000.0);
        }
        node.put("message", alert.message());
        return node;
    }

    private static ObjectNode verdictJson(Verdict verdict) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", verdict.source());
        node.put("signal", verdict.signal().wireName());
        node.put("level", verdict.level().displayName());
        node.put("finding", verdict.finding().name().toLowerCase(java.util.Locale.ROOT));
        putNumber(node, "slopeBytesPerMinute", verdict.slopeBytesPerMinute());
        putNumber(node, "slopeLowBytesPerMinute", verdict.slopeLowBytesPerMinute());
        putNumber(node, "slopeHighBytesPerMinute", verdict.slopeHighBytesPerMinute());
        putNumber(node, "floorBytes", verdict.floorBytes());
        putNumber(node, "limitBytes", verdict.limitBytes());
        putNumber(node, "boundBytes", verdict.boundBytes());
        putSeconds(node, "timeToLimitSeconds", verdict.timeToLimit());
        putSeconds(node, "evidenceSpanSeconds", verdict.evidenceSpan());
        node.put("reason", verdict.reason());
        return node;
    }

    private static void putNumber(ObjectNode node, String field, Number value) {
        if (value != null) {
            node.put(field, value.doubleValue());
        }
    }

    private static void putSeconds(ObjectNode node, String field, Duration value) {
        if (value != null) {
            node.put(field, value.toMillis() / 1000.0);
        }
    }

    /** Formats elapsed milliseconds as h:mm:ss. */
    static String clock(long millis) {
        long seconds = millis / 1000;
        return String.format("%d:%02d:%02d", seconds / 3600, seconds % 3600 / 60, seconds % 60);
    }

    static String toJson(Object node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("JSON output failed: " + e.getMessage(), e);
        }
    }
}
