package dev.hench.sample.runs;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/** Hand-written JSON encoding of a {@link RunRecord} in schema version 1 or 2. */
final class RunJson {

    private RunJson() {
    }

    static void write(RunRecord run, Writer out) throws IOException {
        out.write("{\"schemaVersion\":" + run.schemaVersion());
        field(out, "id", run.id());
        field(out, "worker", run.worker());
        field(out, "model", run.model());
        field(out, "startedAt", run.startedAt());
        field(out, "finishedAt", run.finishedAt());
        field(out, "status", run.status().wireName());
        writeTokenUsage(run, out);
        if (run.schemaVersion() == 1) {
            out.write(",\"turns\":" + run.turns().size());
        } else {
            writeTurns(run, out);
        }
        out.write("}\n");
    }

    private static void writeTokenUsage(RunRecord run, Writer out) throws IOException {
        out.write(",\"tokenUsage\":{\"input\":" + run.inputTokens()
                + ",\"output\":" + run.outputTokens());
        if (run.schemaVersion() >= 2 && run.cacheCreationInputTokens() != null) {
            out.write(",\"cacheCreationInput\":" + run.cacheCreationInputTokens());
        }
        if (run.schemaVersion() >= 2 && run.cacheReadInputTokens() != null) {
            out.write(",\"cacheReadInput\":" + run.cacheReadInputTokens());
        }
        out.write('}');
    }

    private static void writeTurns(RunRecord run, Writer out) throws IOException {
        out.write(",\"turns\":[");
        for (int i = 0; i < run.turns().size(); i++) {
            out.write(i == 0 ? "{\"index\":" : ",{\"index\":");
            out.write(Integer.toString(i));
            out.write(",\"transcript\":");
            string(out, run.turns().get(i));
            out.write('}');
        }
        out.write(']');
    }

    private static void field(Writer out, String name, Object value) throws IOException {
        out.write(",\"" + name + "\":");
        if (value == null) {
            out.write("null");
        } else {
            string(out, value instanceof Instant ? value.toString() : (String) value);
        }
    }

    private static void string(Writer out, String value) throws IOException {
        out.write('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.write('\\');
                out.write(c);
            } else if (c < 0x20) {
                out.write(String.format("\\u%04x", (int) c));
            } else {
                out.write(c);
            }
        }
        out.write('"');
    }
}
