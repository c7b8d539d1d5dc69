package dev.hench.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsCollectorMessages() {
        Map<String, Object> admission = JsonReader.parseObject(
                "{\"type\":\"admission\",\"level\":\"DELAY\",\"reasons\":[\"used 83% of 2 GiB\"],"
                        + "\"availableBytes\":356515840}");

        assertThat(admission).containsEntry("type", "admission")
                .containsEntry("level", "DELAY")
                .containsEntry("reasons", List.of("used 83% of 2 GiB"))
                .containsEntry("availableBytes", 356_515_840L);
    }

    @Test
    void readsNestedValuesAndLiterals() {
        Map<String, Object> object = JsonReader.parseObject(
                " { \"a\" : {\"b\": [1, 2.5, -3e2]}, \"t\": true, \"f\": false, \"n\": null } ");

        assertThat(object.get("a")).isEqualTo(Map.of("b", List.of(1L, 2.5, -300.0)));
        assertThat(object).containsEntry("t", true).containsEntry("f", false).containsEntry("n", null);
    }

    @Test
    void decodesEscapes() {
        Map<String, Object> object = JsonReader.parseObject("{\"m\":\"a\\\"b\\\\c\\n\\u00e9\\/\"}");

        assertThat(object).containsEntry("m", "a\"b\\c\né/");
    }

    @Test
    void rejectsMalformedLines() {
        for (String line : List.of("", "[]", "{", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} x", "{\"a\":\"x}",
                "{\"a\":tru}", "{\"a\":\"\\q\"}", "{a:1}")) {
            assertThatThrownBy(() -> JsonReader.parseObject(line))
                    .as(line)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid JSON at offset");
        }
    }

    @Test
    void rejectsDeepNesting() {
        String deep = "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}";

        assertThatThrownBy(() -> JsonReader.parseObject(deep)).hasMessageContaining("nesting deeper");
    }
}
