package dev.hench.collector.admission;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hench.collector.budget.CgroupLevel;
import dev.hench.collector.budget.Measured;
import dev.hench.collector.budget.MemoryBudget;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes decisions as JSON: the full document of {@code GET /v1/admission} and
 * {@code collector budget --json}, and the {@code admission} line pushed to agents. Uses the
 * streaming generator only, so that the command line does not pay for a data-binding mapper.
 */
final class AdmissionJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private AdmissionJson() {
    }

    /** Returns the {@code admission} message line for agents (without the trailing newline). */
    static String agentMessage(AdmissionDecision decision) {
        return write(json -> {
            json.writeStringField("type", "admission");
            json.writeStringField("level", decision.level().name());
            stringArray(json, "reasons", decision.reasons());
            if (decision.availableBytes() >= 0) {
                json.writeNumberField("availableBytes", decision.availableBytes());
            }
        }, false);
    }

    /** Returns the full decision with the budget and the source of every number. */
    static String document(AdmissionDecision decision) {
        return write(json -> writeDocument(json, decision), true);
    }

    /** Returns the response to a reservation request. */
    static String reservation(boolean admitted, AdmissionDecision decision, long reservedBytes) {
        return write(json -> {
            json.writeBooleanField("admitted", admitted);
            json.writeStringField("level", decision.level().name());
            json.writeStringField("verdict", decision.verdict().name());
            if (admitted) {
                json.writeNumberField("reservedBytes", reservedBytes);
            }
            stringArray(json, "reasons", decision.reasons());
        }, false);
    }

    private static void writeDocument(JsonGenerator json, AdmissionDecision decision)
            throws IOException {
        MemoryBudget budget = decision.budget();
        json.writeStringField("os", budget.os());
        json.writeStringField("cgroupVersion", budget.cgroupVersion().label());
        nullableString(json, "cgroupDir", budget.cgroupDir());
        json.writeBooleanField("degraded", budget.degraded());
        bytes(json, "limitBytes", budget.limit());
        nullableString(json, "limitingCgroupDir", budget.limitingCgroupDir());
        bytes(json, "workingSetBytes", budget.workingSet());
        bytes(json, "availableBytes", budget.available());
        bytes(json, "hostTotalBytes", budget.hostTotal());
        json.writeStringField("level", decision.level().name());
        json.writeStringField("verdict", decision.verdict().name());
        stringArray(json, "reasons", decision.reasons());
        writeAdmissionNumbers(json, decision);
        writeSources(json, budget);
        writeLevels(json, budget.levels());
        writePressure(json, budget);
        stringArray(json, "notes", budget.notes());
        json.writeNumberField("decidedAtMillis", decision.decidedAtMillis());
    }

    private static void writeAdmissionNumbers(JsonGenerator json, AdmissionDecision decision)
            throws IOException {
        MemoryBudget budget = decision.budget();
        bytes(json, "budgetBytes", budget.effectiveBudget());
        if (budget.known()) {
            json.writeNumberField("usedBytes",
                    budget.effectiveBudget().bytes() - budget.available().bytes());
            json.writeNumberField("usedShare", Math.round(decision.usedShare() * 10000) / 10000.0);
            json.writeNumberField("availableAfterReservationsBytes", decision.availableBytes());
        } else {
            json.writeNullField("usedBytes");
            json.writeNullField("usedShare");
            json.writeNullField("availableAfterReservationsBytes");
        }
        json.writeNumberField("reservedBytes", decision.reservedBytes());
        if (decision.nextWorkerBytes() >= 0) {
            json.writeNumberField("nextWorkerBytes", decision.nextWorkerBytes());
        } else {
            json.writeNullField("nextWorkerBytes");
        }
        json.writeStringField("nextWorkerSource", decision.nextWorkerSource());
    }

    private static void writeSources(JsonGenerator json, MemoryBudget budget) throws IOException {
        json.writeObjectFieldStart("sources");
        source(json, "limitBytes", budget.limit());
        source(json, "workingSetBytes", budget.workingSet());
        source(json, "availableBytes", budget.available());
        source(json, "hostTotalBytes", budget.hostTotal());
        source(json, "budgetBytes", budget.effectiveBudget());
        if (budget.known()) {
            json.writeStringField("usedBytes", "budgetBytes - availableBytes");
        }
        json.writeEndObject();
    }

    private static void writeLevels(JsonGenerator json, List<CgroupLevel> levels)
            throws IOException {
        json.writeArrayFieldStart("cgroupLevels");
        for (CgroupLevel level : levels) {
            json.writeStartObject();
            json.writeStringField("dir", level.dir());
            bytes(json, "limitBytes", level.limit());
            source(json, "limitSource", level.limit());
            bytes(json, "workingSetBytes", level.workingSet());
            source(json, "workingSetSource", level.workingSet());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writePressure(JsonGenerator json, MemoryBudget budget) throws IOException {
        if (budget.psi() == null) {
            json.writeNullField("psi");
        } else {
            json.writeObjectFieldStart("psi");
            json.writeNumberField("someAvg10", budget.psi().someAvg10());
            json.writeNumberField("someAvg60", budget.psi().someAvg60());
            json.writeNumberField("someAvg300", budget.psi().someAvg300());
            json.writeNumberField("fullAvg10", budget.psi().fullAvg10());
            json.writeNumberField("fullAvg60", budget.psi().fullAvg60());
            json.writeNumberField("fullAvg300", budget.psi().fullAvg300());
            json.writeStringField("source", budget.psi().source());
            json.writeEndObject();
        }
        if (budget.macPressure() != null) {
            json.writeObjectFieldStart("macPressure");
            json.writeNumberField("level", budget.macPressure().level());
            json.writeStringField("label", budget.macPressure().label());
            json.writeStringField("source", budget.macPressure().source());
            json.writeEndObject();
        }
    }

    private static void bytes(JsonGenerator json, String field, Measured value)
            throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value.bytes());
        }
    }

    private static void source(JsonGenerator json, String field, Measured value)
            throws IOException {
        nullableString(json, field, value == null ? null : value.source());
    }

    private static void nullableString(JsonGenerator json, String field, String value)
            throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }

    private static void stringArray(JsonGenerator json, String field, List<String> values)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static String write(Fields fields, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            // A StringWriter does not fail; anything here is a bug in the field writers.
            throw new UncheckedIOException("writing admission JSON failed", e);
        }
        return out.toString();
    }
}
