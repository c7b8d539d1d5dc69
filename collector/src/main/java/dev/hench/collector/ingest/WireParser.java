package dev.hench.collector.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/**
 * Parses one wire line into a {@link WireMessage} with Jackson's streaming parser, so a sample
 * costs one pass over its bytes and a few small objects. Unknown fields are skipped, whatever
 * their shape; a known field with the wrong JSON type makes the line malformed.
 *
 * <p>Thread-safe: the factory is shared, each call creates its own parser.
 */
public final class WireParser {

    private final JsonFactory factory = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /**
     * Fills {@code into} from {@code length} bytes of {@code line} starting at {@code offset}.
     *
     * @throws MalformedLineException when the bytes are not one JSON object with a string
     *     {@code type}, or a known field has the wrong JSON type
     */
    public void parse(byte[] line, int offset, int length, WireMessage into) throws MalformedLineException {
        into.reset(line, offset, length);
        try (JsonParser parser = factory.createParser(line, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedLineException("line is not a JSON object");
            }
            String field;
            while ((field = parser.nextFieldName()) != null) {
                parser.nextToken();
                readField(field, parser, into);
            }
            if (parser.nextToken() != null) {
                throw new MalformedLineException("line has data after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new MalformedLineException("line is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedLineException("line could not be read: " + e.getMessage(), e);
        }
        if (into.typeName == null) {
            throw new MalformedLineException("line has no string field 'type'");
        }
        into.type = MessageType.ofWireName(into.typeName);
    }

    // One flat switch keeps the hot path to a single hash lookup per field.
    private static void readField(String field, JsonParser p, WireMessage m)
            throws IOException, MalformedLineException {
        switch (field) {
            case "type": m.typeName = text(field, p); break;
            case "seq": m.seq = number(field, p); break;
            case "timeMillis": m.timeMillis = number(field, p); break;
            case "protocol": m.protocol = number(field, p); break;
            case "worker": m.worker = text(field, p); break;
            case "session": m.session = text(field, p); break;
            case "pid": m.pid = number(field, p); break;
            case "jvmVendor": m.jvmVendor = text(field, p); break;
            case "jvmVersion": m.jvmVersion = text(field, p); break;
            case "startTimeMillis": m.startTimeMillis = number(field, p); break;
            case "agentVersion": m.agentVersion = text(field, p); break;
            case "cgroupPath": m.cgroupPath = text(field, p); break;
            case "gcName": m.gcName = text(field, p); break;
            case "heapUsedBytes": m.heapUsedBytes = number(field, p); break;
            case "heapCommittedBytes": m.heapCommittedBytes = number(field, p); break;
            case "heapMaxBytes": m.heapMaxBytes = number(field, p); break;
            case "directBytes": m.directBytes = number(field, p); break;
            case "mappedBytes": m.mappedBytes = number(field, p); break;
            case "rssBytes": m.rssBytes = number(field, p); break;
            case "metaspaceUsedBytes": m.metaspaceUsedBytes = number(field, p); break;
            case "metaspaceMaxBytes": m.metaspaceMaxBytes = number(field, p); break;
            case "codeCacheBytes": m.codeCacheBytes = number(field, p); break;
            case "compiledMethods": m.compiledMethods = number(field, p); break;
            case "loadedClasses": m.loadedClasses = number(field, p); break;
            case "phase": m.phase = text(field, p); break;
            case "runId": m.runId = text(field, p); break;
            case "agentCpuNanos": m.agentCpuNanos = number(field, p); break;
            case "droppedTotal": m.droppedTotal = number(field, p); break;
            case "bufferUsed": m.bufferUsed = number(field, p); break;
            case "bufferCapacity": m.bufferCapacity = number(field, p); break;
            case "name": m.name = text(field, p); break;
            case "kind": m.kind = text(field, p); break;
            case "pauseNanos": m.pauseNanos = number(field, p); break;
            case "heapAfterBytes": m.heapAfterBytes = number(field, p); break;
            case "metaspaceAfterBytes": m.metaspaceAfterBytes = number(field, p); break;
            case "event": m.event = text(field, p); break;
            case "requestId": m.requestId = text(field, p); break;
            default: p.skipChildren(); break;
        }
    }

    private static long number(String field, JsonParser parser) throws IOException, MalformedLineException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return WireMessage.ABSENT;
        }
        throw new MalformedLineException("field '" + field + "' must be a whole number but was " + token);
    }

    private static String text(String field, JsonParser parser) throws IOException, MalformedLineException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new MalformedLineException("field '" + field + "' must be a string but was " + token);
    }
}
