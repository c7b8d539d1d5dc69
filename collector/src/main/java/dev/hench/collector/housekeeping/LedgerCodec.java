package dev.hench.collector.housekeeping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Encodes ledger entries as single JSON lines, for example
 * {@code {"id":"r1","day":"2026-03-01","finishedAt":"2026-03-01T10:00:00Z","worker":"w","model":"m",
 * "status":"succeeded","input":10,"output":5,"cacheReadInput":7}}. An absent optional value is
 * left out of the line, so it reads back as absent.
 */
final class LedgerCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LedgerCodec() {
    }

    static byte[] encodeLine(LedgerEntry entry) throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", entry.id());
        node.put("day", entry.dayUtc().toString());
        node.put("finishedAt", entry.finishedAt().toString());
        putIfPresent(node, "worker", entry.worker());
        putIfPresent(node, "model", entry.model());
        node.put("status", entry.status());
        node.put("input", entry.usage().input());
        node.put("output", entry.usage().output());
        putIfPresent(node, "cacheCreationInput", entry.usage().cacheCreationInput());
        putIfPresent(node, "cacheReadInput", entry.usage().cacheReadInput());
        return (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes one line without its newline; throws when the line is not a ledger entry. */
    static LedgerEntry decodeLine(String line) throws IOException {
        JsonNode node = MAPPER.readTree(line);
        if (node == null || !node.hasNonNull("id") || !node.hasNonNull("day")
                || !node.hasNonNull("input") || !node.hasNonNull("output")) {
            throw new IOException("not a ledger entry (id, day, input and output are required)");
        }
        TokenUsage usage = new TokenUsage(node.get("input").asLong(), node.get("output").asLong(),
                optionalLong(node, "cacheCreationInput"), optionalLong(node, "cacheReadInput"));
        return new LedgerEntry(node.get("id").asText(), LocalDate.parse(node.get("day").asText()),
                Instant.parse(node.get("finishedAt").asText()), optionalText(node, "worker"),
                optionalText(node, "model"), node.path("status").asText(""), usage);
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void putIfPresent(ObjectNode node, String name, Long value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static Long optionalLong(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asLong() : null;
    }

    private static String optionalText(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.get(name).asText() : null;
    }
}
