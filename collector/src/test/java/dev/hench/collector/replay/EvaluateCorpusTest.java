package dev.hench.collector.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hench.collector.cli.CollectorMain;
import dev.hench.collector.leak.LeakSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCorpusTest {

    private static List<Evaluation.Row> rows;

    @BeforeAll
    static void evaluateShippedCorpus() throws IOException {
        rows = Evaluation.run(Corpus.shipped(), LeakSettings.defaults());
    }

    @Test
    void robustDetectorPassesEveryScenario() {
        for (Evaluation.Row row : rows) {
            assertThat(row.robust().passed()).as(row.scenario().name() + ": "
                    + row.robust().notes()).isTrue();
        }
    }

    @Test
    void robustDetectorRaisesNoFalseAlarm() {
        Evaluation.Summary summary = Evaluation.Summary.of(rows.stream()
                .map(Evaluation.Row::robust).toList());
        assertThat(summary.falseAlarms()).isZero();
        assertThat(summary.missed()).isZero();
        assertThat(summary.leaks()).isEqualTo(13);
    }

    @Test
    void baselineFailsWhereTheIssueSaysItDoes() {
        ScenarioScore warmup = naive("jit-classload-warmup");
        ScenarioScore expansion = naive("heap-expansion");
        assertThat(warmup.falseAlarms()).isPositive();
        assertThat(expansion.falseAlarms()).isPositive();
        assertThat(naive("fast-leak").detected()).isFalse();
    }

    @Test
    void jsonSummaryCarriesTheFieldsForBothDetectors() {
        StringWriter out = new StringWriter();
        CommandLine command = CollectorMain.newCommandLine();
        command.setOut(new PrintWriter(out));
        int exit = command.execute("evaluate", "--json");
        assertThat(exit).isZero();
        for (String field : List.of("falseAlarms", "missed", "precision", "recall",
                "medianTimeToDetectSeconds")) {
            assertThat(out.toString()).contains("\"" + field + "\"");
        }
        assertThat(out.toString()).contains("\"robust\"").contains("\"naive\"");
    }

    @Test
    void missingCorpusExitsTwoWithoutTrace(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        CommandLine command = CollectorMain.newCommandLine();
        command.setErr(new PrintWriter(err));

        int exit = command.execute("evaluate", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(dir.resolve("corpus.json").toString())
                .contains("needs a corpus.json");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    private static ScenarioScore naive(String name) {
        return rows.stream().filter(row -> row.scenario().name().equals(name)).findFirst()
                .orElseThrow().naive();
    }
}
