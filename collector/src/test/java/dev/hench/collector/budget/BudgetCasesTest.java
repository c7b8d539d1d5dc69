package dev.hench.collector.budget;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hench.collector.admission.AdmissionSettings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the budget readers against every machine layout in {@code budget/cases/} and compares
 * the result with that case's {@code expected.json} to the byte. Each case's NOTES.md states
 * where its files came from.
 */
class BudgetCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(BudgetCasesTest.class.getResource("/budget/cases").toURI());
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseMatchesExpectedJson(Path caseDir) throws IOException {
        JsonNode expected = JSON.readTree(caseDir.resolve("expected.json").toFile());
        MemoryBudget budget = readerFor(expected, caseDir.resolve("root")).read();

        JsonNode unknownReason = expected.path("extra").path("unknownReason");
        if (unknownReason.isTextual()) {
            assertThat(budget.unknownReasons()).as("unknown reasons").singleElement()
                    .asString().startsWith(unknownReason.asText());
        } else {
            assertThat(budget.unknownReasons()).as("unknown reasons").isEmpty();
        }
        assertThat(budget.os()).as("os").isEqualTo(expected.get("os").asText());
        assertThat(budget.cgroupVersion().label()).as("cgroupVersion")
                .isEqualTo(expected.get("cgroupVersion").asText());
        assertThat(budget.cgroupDir()).as("cgroupDir").isEqualTo(text(expected, "cgroupDir"));
        assertThat(bytes(budget.limit())).as("limitBytes").isEqualTo(number(expected, "limitBytes"));
        assertThat(budget.limitingCgroupDir()).as("limitingCgroupDir")
                .isEqualTo(text(expected, "limitingCgroupDir"));
        assertThat(bytes(budget.workingSet())).as("workingSetBytes")
                .isEqualTo(number(expected, "workingSetBytes"));
        assertThat(bytes(budget.available())).as("availableBytes")
                .isEqualTo(number(expected, "availableBytes"));
        assertThat(bytes(budget.hostTotal())).as("hostTotalBytes")
                .isEqualTo(number(expected, "hostTotalBytes"));
        assertExtras(expected.path("extra"), budget);
    }

    private static void assertExtras(JsonNode extra, MemoryBudget budget) {
        assertThat(budget.degraded()).as("extra.degraded")
                .isEqualTo(extra.path("degraded").asBoolean(false));
        if (extra.has("pressureLevel")) {
            assertThat(budget.macPressure().level()).as("extra.pressureLevel")
                    .isEqualTo(extra.get("pressureLevel").asInt());
        }
        if (extra.has("pageSize")) {
            assertThat(budget.available().source()).as("page size in the source")
                    .endsWith("page size " + extra.get("pageSize").asLong());
        }
        if (extra.has("psi")) {
            JsonNode psi = extra.get("psi");
            assertThat(budget.psi()).as("psi").isNotNull();
            assertThat(budget.psi().someAvg10()).isEqualTo(psi.at("/some/avg10").asDouble());
            assertThat(budget.psi().someAvg60()).isEqualTo(psi.at("/some/avg60").asDouble());
            assertThat(budget.psi().someAvg300()).isEqualTo(psi.at("/some/avg300").asDouble());
            assertThat(budget.psi().someTotalMicros()).isEqualTo(psi.at("/some/total").asLong());
            assertThat(budget.psi().fullAvg10()).isEqualTo(psi.at("/full/avg10").asDouble());
            assertThat(budget.psi().fullAvg60()).isEqualTo(psi.at("/full/avg60").asDouble());
            assertThat(budget.psi().fullAvg300()).isEqualTo(psi.at("/full/avg300").asDouble());
            assertThat(budget.psi().fullTotalMicros()).isEqualTo(psi.at("/full/total").asLong());
            assertThat(AdmissionSettings.defaults().showsPressure(budget.psi()))
                    .as("psi pressure under the default thresholds")
                    .isEqualTo(psi.get("pressure").asBoolean());
            if (psi.has("source")) {
                assertThat(budget.psi().source()).as("psi source")
                        .isEqualTo(psi.get("source").asText());
            }
        }
    }

    private static BudgetReader readerFor(JsonNode expected, Path root) {
        if (expected.get("os").asText().equals("macos")) {
            return new MacBudgetReader(root);
        }
        JsonNode cgroup = expected.path("extra").path("configuredCgroup");
        return new LinuxBudgetReader(root, cgroup.isTextual() ? cgroup.asText() : null,
                expected.path("extra").path("hostOnly").asBoolean(false));
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).isNull() ? null : node.get(field).asText();
    }

    private static Long number(JsonNode node, String field) {
        return node.get(field).isNull() ? null : node.get(field).asLong();
    }

    private static Long bytes(Measured measured) {
        return measured == null ? null : measured.bytes();
    }
}
