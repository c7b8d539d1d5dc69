package dev.hench.agent.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static String line(JsonWriter writer) {
        return new String(writer.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void writesTypeSeqAndFields() {
        JsonWriter writer = new JsonWriter(16);
        writer.beginMessage("sample", 42);
        writer.field("heapUsedBytes", 73_400_320L);
        writer.field("negative", -15L);
        writer.field("zero", 0L);
        writer.field("flag", true);
        writer.endMessage();

        assertThat(line(writer)).isEqualTo(
                "{\"type\":\"sample\",\"seq\":42,\"heapUsedBytes\":73400320,\"negative\":-15,\"zero\":0,\"flag\":true}\n");
    }

    @Test
    void leavesOutAbsentValues() {
        JsonWriter writer = new JsonWriter(64);
        writer.beginMessage("hello", 0);
        writer.field("rssBytes", JsonWriter.ABSENT);
        writer.field("phase", (String) null);
        writer.field("pid", 7L);
        writer.endMessage();

        assertThat(line(writer)).isEqualTo("{\"type\":\"hello\",\"pid\":7}\n");
    }

    @Test
    void escapesStringsAndEncodesUtf8() {
        JsonWriter writer = new JsonWriter(64);
        writer.beginMessage("phase", 1);
        writer.field("name", "a\"b\\c\nd\u0001é€😀");
        writer.endMessage();

        assertThat(line(writer)).isEqualTo(
                "{\"type\":\"phase\",\"seq\":1,\"name\":\"a\\\"b\\\\c\\nd\\u0001é€😀\"}\n");
    }

    @Test
    void writesExtremeLongs() {
        JsonWriter writer = new JsonWriter(64);
        writer.beginMessage("t", 1);
        writer.field("max", Long.MAX_VALUE);
        writer.field("min", Long.MIN_VALUE + 1);
        writer.endMessage();

        assertThat(line(writer)).contains("\"max\":9223372036854775807,\"min\":-9223372036854775807");
    }

    @Test
    void writesNestedArrays() {
        JsonWriter writer = new JsonWriter(64);
        writer.beginMessage("suspects", 3);
        writer.beginArray("entries");
        writer.beginObject();
        writer.field("className", "byte[]");
        writer.beginArray("stack");
        writer.element("a.B.c:1");
        writer.element("d.E.f");
        writer.endArray();
        writer.endObject();
        writer.beginObject();
        writer.field("samples", 2L);
        writer.endObject();
        writer.endArray();
        writer.field("after", 1L);
        writer.endMessage();

        assertThat(line(writer)).isEqualTo("{\"type\":\"suspects\",\"seq\":3,\"entries\":[{\"className\":\"byte[]\","
                + "\"stack\":[\"a.B.c:1\",\"d.E.f\"]},{\"samples\":2}],\"after\":1}\n");
    }

    @Test
    void preEncodedNamesWriteTheSameLine() {
        JsonWriter byString = new JsonWriter(16);
        byString.beginMessage("sample", 7);
        byString.field("heapUsedBytes", 1_000_000_000_000L);
        byString.field("rssSource", "statm");
        byString.field("absent", JsonWriter.ABSENT);
        byString.endMessage();
        JsonWriter byName = new JsonWriter(16);
        byName.beginMessage("sample", 7);
        byName.field(FieldName.of("heapUsedBytes"), 1_000_000_000_000L);
        byName.field(FieldName.of("rssSource"), "statm");
        byName.field(FieldName.of("absent"), JsonWriter.ABSENT);
        byName.endMessage();

        assertThat(line(byName)).isEqualTo(line(byString));
    }

    @Test
    void fieldNameNeedingEscapesIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FieldName.of("a\"b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
