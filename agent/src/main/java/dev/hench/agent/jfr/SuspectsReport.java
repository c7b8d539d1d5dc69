package dev.hench.agent.jfr;

import java.util.List;

import dev.hench.agent.wire.JsonWriter;
import dev.hench.agent.wire.MessageBody;

/**
 * Body of a {@code suspects} message: retained classes, best first.
 *
 * @param requestId id of the collector's {@code detail} request
 * @param sampledObjects old-object samples seen in all
 */
public record SuspectsReport(String requestId, long timeMillis, long sampledObjects, List<Suspect> entries)
        implements MessageBody {

    /**
     * One retained class.
     *
     * @param className class name as JFR prints it, arrays as {@code byte[]}
     * @param samples how many old-object samples had this class and stack
     * @param oldestAgeMillis age of the oldest such sample when the detail window closed
     * @param stack allocation stack, innermost frame first
     */
    public record Suspect(String className, long samples, long oldestAgeMillis, List<String> stack) {
    }

    @Override
    public void writeFields(JsonWriter writer) {
        writer.field("timeMillis", timeMillis);
        writer.field("requestId", requestId);
        writer.field("sampledObjects", sampledObjects);
        writer.beginArray("entries");
        for (Suspect suspect : entries) {
            writer.beginObject();
            writer.field("className", suspect.className());
            writer.field("samples", suspect.samples());
            writer.field("oldestAgeMillis", suspect.oldestAgeMillis());
            writer.beginArray("stack");
            for (String frame : suspect.stack()) {
                writer.element(frame);
            }
            writer.endArray();
            writer.endObject();
        }
        writer.endArray();
    }
}
