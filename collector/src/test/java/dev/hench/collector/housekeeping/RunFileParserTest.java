package dev.hench.collector.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hench.sample.runs.RunRecord;
import dev.hench.sample.runs.RunStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileParserTest {

    private static final String V2_HEAD = "{\"schemaVersion\":2,\"id\":\"r1\",\"worker\":\"w\","
            + "\"model\":\"m\",\"startedAt\":\"2026-01-01T00:00:00Z\","
            + "\"finishedAt\":\"2026-01-01T01:00:00Z\",\"status\":\"succeeded\",";

    private final RunFileParser parser = new RunFileParser();

    @TempDir
    Path dir;

    private RunSummary parse(String json) throws Exception {
        return parser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private RunSummary parseFile(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return parser.parse(in);
        }
    }

    @Test
    void versionTwoFileFromWriterParses() throws Exception {
        RunRecord run = TestRuns.finished("r2", Instant.parse("2026-03-01T10:00:00Z"));
        RunSummary summary = parseFile(TestRuns.write(dir, run));
        assertThat(summary.schemaVersion()).isEqualTo(2);
        assertThat(summary.id()).isEqualTo("r2");
        assertThat(summary.finishedAt()).isEqualTo(run.finishedAt());
        assertThat(summary.status()).isEqualTo("succeeded");
        assertThat(summary.tokenUsage()).isEqualTo(new TokenUsage(1_000, 200, 30L, 400L));
        assertThat(summary.turnCount()).isEqualTo(2);
    }

    @Test
    void versionOneFileFromWriterParses() throws Exception {
        RunRecord run = new RunRecord(1, "old", "w", "m", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-01-01T00:10:00Z"), RunStatus.FAILED, 5, 6, null, null,
                List.of("a", "b", "c"));
        RunSummary summary = parseFile(TestRuns.write(dir, run));
        assertThat(summary.schemaVersion()).isEqualTo(1);
        assertThat(summary.tokenUsage()).isEqualTo(new TokenUsage(5, 6, null, null));
        assertThat(summary.turnCount()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("old.json"))).contains("\"turns\":3");
    }

    @Test
    void absentCacheCountersStayAbsent() throws Exception {
        RunSummary summary = parse(V2_HEAD + "\"tokenUsage\":{\"input\":1,\"output\":2},"
                + "\"turns\":[]}");
        assertThat(summary.tokenUsage().cacheCreationInput()).isNull();
        assertThat(summary.tokenUsage().cacheReadInput()).isNull();
    }

    @Test
    void absentWorkerModelAndTurnsStayAbsent() throws Exception {
        RunSummary summary = parse("{\"schemaVersion\":2,\"id\":\"r\",\"startedAt\":"
                + "\"2026-01-01T00:00:00Z\",\"finishedAt\":null,\"status\":\"running\","
                + "\"tokenUsage\":{\"input\":0,\"output\":0}}");
        assertThat(summary.worker()).isNull();
        assertThat(summary.model()).isNull();
        assertThat(summary.turnCount()).isNull();
        assertThat(summary.finished()).isFalse();
    }

    @Test
    void extraFieldsAreIgnored() throws Exception {
        RunSummary summary = parse(V2_HEAD + "\"extra\":{\"nested\":[1,2,{\"x\":null}]},"
                + "\"tokenUsage\":{\"input\":1,\"output\":2,\"reasoning\":9},\"turns\":[{},{}]}");
        assertThat(summary.tokenUsage()).isEqualTo(new TokenUsage(1, 2, null, null));
        assertThat(summary.turnCount()).isEqualTo(2);
    }

    @Test
    void invalidFilesAreRejectedWithReason() {
        String usage = "\"tokenUsage\":{\"input\":1,\"output\":2}";
        assertInvalid("{\"schemaVersion\":2", "malformed JSON");
        assertInvalid("[1,2]", "one JSON object");
        assertInvalid(V2_HEAD.replace("\"schemaVersion\":2,", "") + usage + "}",
                "schemaVersion is missing");
        assertInvalid(V2_HEAD.replace(":2,", ":3,") + usage + "}", "not a known version");
        assertInvalid(V2_HEAD.replace("\"id\":\"r1\",", "") + usage + "}", "id is missing");
        assertInvalid(V2_HEAD + "\"tokenUsage\":{\"output\":2}}", "tokenUsage.input is missing");
        assertInvalid(V2_HEAD + "\"tokenUsage\":{\"input\":-1,\"output\":2}}", "at least 0");
        assertInvalid(V2_HEAD + "\"tokenUsage\":{\"input\":\"1\",\"output\":2}}", "whole number");
        assertInvalid(V2_HEAD.replace("\"succeeded\"", "\"running\"") + usage + "}",
                "contradicts finishedAt");
        assertInvalid(V2_HEAD.replace("succeeded", "done") + usage + "}", "must be one of");
        assertInvalid(V2_HEAD.replace("2026-01-01T01:00:00Z", "yesterday") + usage + "}",
                "ISO-8601");
        assertInvalid(V2_HEAD + usage + ",\"turns\":4}", "array");
        assertInvalid(V2_HEAD.replace(":2,", ":1,") + usage + ",\"turns\":[]}", "number");
        assertInvalid(V2_HEAD.replace(":2,", ":1,")
                + "\"tokenUsage\":{\"input\":1,\"output\":2,\"cacheReadInput\":3}}", "cache");
        assertInvalid(V2_HEAD + usage + "} {}", "after the end");
    }

    private void assertInvalid(String json, String reason) {
        assertThatThrownBy(() -> parse(json)).as(json)
                .isInstanceOf(InvalidRunFileException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void emptyFileIsInvalid() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(InvalidRunFileException.class);
    }

    @Test
    void ioErrorsAreNotReportedAsInvalidContent() {
        var failing = new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        assertThatThrownBy(() -> parser.parse(failing)).isInstanceOf(IOException.class)
                .hasMessageContaining("disk gone");
    }
}
