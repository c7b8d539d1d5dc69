package dev.hench.collector.housekeeping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Reads a run file with Jackson's streaming parser and checks it against schema versions 1 and 2.
 * The parser streams through the transcript without keeping it, so multi-megabyte run files cost
 * little memory.
 *
 * <p>Both versions require {@code schemaVersion}, {@code id}, {@code startedAt}, {@code status},
 * {@code finishedAt} (null only while running) and {@code tokenUsage.input} and {@code .output}.
 * Version 2 may add {@code tokenUsage.cacheCreationInput} and {@code .cacheReadInput} and has a
 * {@code turns} array. Version 1 has a {@code turns} count and no cache counters. {@code worker},
 * {@code model} and {@code turns} are optional, and unknown fields are ignored so that additive
 * schema changes do not quarantine files. Thread-safe.
 */
public final class RunFileParser {

    private static final Set<String> STATUSES = Set.of("running", "succeeded", "failed",
            "cancelled");

    private final JsonFactory factory = JsonFactory.builder().build();

    /**
     * Parses a whole run file from {@code in}, which the caller closes.
     *
     * @throws InvalidRunFileException when the content is not JSON or matches no schema version
     * @throws IOException when reading fails
     */
    public RunSummary parse(InputStream in) throws IOException, InvalidRunFileException {
        try (JsonParser parser = factory.createParser(in)) {
            Fields fields = readTopLevel(parser);
            if (parser.nextToken() != null) {
                throw new InvalidRunFileException("content after the end of the JSON object");
            }
            return fields.toSummary();
        } catch (JsonProcessingException e) {
            throw new InvalidRunFileException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Fields readTopLevel(JsonParser parser)
            throws IOException, InvalidRunFileException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new InvalidRunFileException("a run file must be one JSON object");
        }
        Fields fields = new Fields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            readField(parser, name, fields);
        }
        return fields;
    }

    private static void readField(JsonParser parser, String name, Fields fields)
            throws IOException, InvalidRunFileException {
        switch (name) {
            case "schemaVersion" -> fields.schemaVersion = (int) wholeNumber(parser, name);
            case "id" -> fields.id = text(parser, name, false);
            case "worker" -> fields.worker = text(parser, name, true);
            case "model" -> fields.model = text(parser, name, true);
            case "startedAt" -> fields.startedAt = instant(parser, name, false);
            case "finishedAt" -> {
                fields.finishedAtPresent = true;
                fields.finishedAt = instant(parser, name, true);
            }
            case "status" -> fields.status = text(parser, name, false);
            case "tokenUsage" -> readTokenUsage(parser, fields);
            case "turns" -> readTurns(parser, fields);
            default -> parser.skipChildren();
        }
    }

    private static void readTokenUsage(JsonParser parser, Fields fields)
            throws IOException, InvalidRunFileException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new InvalidRunFileException("tokenUsage must be an object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "input" -> fields.input = wholeNumber(parser, "tokenUsage.input");
                case "output" -> fields.output = wholeNumber(parser, "tokenUsage.output");
                case "cacheCreationInput" -> fields.cacheCreationInput =
                        wholeNumber(parser, "tokenUsage.cacheCreationInput");
                case "cacheReadInput" -> fields.cacheReadInput =
                        wholeNumber(parser, "tokenUsage.cacheReadInput");
                default -> parser.skipChildren();
            }
        }
    }

    private static void readTurns(JsonParser parser, Fields fields)
            throws IOException, InvalidRunFileException {
        if (parser.currentToken() == JsonToken.START_ARRAY) {
            int count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
                count++;
            }
            fields.turnsArrayLength = count;
        } else {
            fields.turnsNumber = wholeNumber(parser, "turns");
        }
    }

    private static long wholeNumber(JsonParser parser, String name)
            throws IOException, InvalidRunFileException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() < 0) {
            throw new InvalidRunFileException(name + " must be a whole number of at least 0, not "
                    + describe(parser));
        }
        return parser.getLongValue();
    }

    private static String text(JsonParser parser, String name, boolean nullable)
            throws IOException, InvalidRunFileException {
        if (nullable && parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getText().isEmpty()) {
            throw new InvalidRunFileException(name + " must be a non-empty string, not "
                    + describe(parser));
        }
        return parser.getText();
    }

    private static Instant instant(JsonParser parser, String name, boolean nullable)
            throws IOException, InvalidRunFileException {
        String value = text(parser, name, nullable);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRunFileException(name + " must be an ISO-8601 instant such as "
                    + "2026-03-01T12:00:00Z, not '" + value + "'", e);
        }
    }

    private static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return token == null ? "nothing" : token.isScalarValue() ? "'" + parser.getText() + "'"
                : token.asString();
    }

    /** The fields seen so far; checked against the schema once the whole object is read. */
    private static final class Fields {
        Integer schemaVersion;
        String id;
        String worker;
        String model;
        Instant startedAt;
        boolean finishedAtPresent;
        Instant finishedAt;
        String status;
        Long input;
        Long output;
        Long cacheCreationInput;
        Long cacheReadInput;
        Integer turnsArrayLength;
        Long turnsNumber;

        RunSummary toSummary() throws InvalidRunFileException {
            checkCommon();
            Integer turnCount = schemaVersion == 1 ? checkVersionOne() : checkVersionTwo();
            TokenUsage usage = new TokenUsage(input, output, cacheCreationInput, cacheReadInput);
            return new RunSummary(schemaVersion, id, worker, model, startedAt, finishedAt, status,
                    usage, turnCount);
        }

        private void checkCommon() throws InvalidRunFileException {
            if (schemaVersion == null) {
                throw new InvalidRunFileException("schemaVersion is missing");
            }
            if (schemaVersion != 1 && schemaVersion != 2) {
                throw new InvalidRunFileException("schemaVersion " + schemaVersion
                        + " is not a known version; this collector reads versions 1 and 2");
            }
            require(id, "id");
            require(startedAt, "startedAt");
            require(status, "status");
            require(input, "tokenUsage.input");
            require(output, "tokenUsage.output");
            if (!STATUSES.contains(status)) {
                throw new InvalidRunFileException("status '" + status + "' must be one of "
                        + "running, succeeded, failed, cancelled");
            }
            if (!finishedAtPresent) {
                throw new InvalidRunFileException("finishedAt is missing; use null while running");
            }
            if ((finishedAt == null) != status.equals("running")) {
                throw new InvalidRunFileException("status '" + status + "' contradicts finishedAt "
                        + finishedAt + "; only a running run has a null finishedAt");
            }
        }

        private Integer checkVersionOne() throws InvalidRunFileException {
            if (cacheCreationInput != null || cacheReadInput != null) {
                throw new InvalidRunFileException("schema version 1 has no cache token counters, "
                        + "but this file has them; is its schemaVersion wrong?");
            }
            if (turnsArrayLength != null) {
                throw new InvalidRunFileException("schema version 1 counts turns as a number, "
                        + "but this file has a turns array");
            }
            return turnsNumber == null ? null : Math.toIntExact(turnsNumber);
        }

        private Integer checkVersionTwo() throws InvalidRunFileException {
            if (turnsNumber != null) {
                throw new InvalidRunFileException("schema version 2 lists turns in an array, "
                        + "but this file has a number");
            }
            return turnsArrayLength;
        }

        private static void require(Object value, String name) throws InvalidRunFileException {
            if (value == null) {
                throw new InvalidRunFileException(name + " is missing");
            }
        }
    }
}
