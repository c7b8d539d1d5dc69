package dev.hench.collector.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hench.collector.leak.LeakSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code collector evaluate [DIR]}: scores the leak detector and the naive baseline on a
 * labelled corpus. Exits 1 when the robust detector fails any scenario.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Replays a labelled corpus through the leak detector and the naive RSS "
                + "baseline, and prints per scenario the verdict, time to detect and false "
                + "alarms of each, then precision, recall and median time to detect. Exits 1 "
                + "when the leak detector fails a scenario, 2 when DIR has no corpus.json.")
public final class EvaluateCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DIR",
            description = "Corpus directory with a corpus.json; default: the shipped corpus.")
    private Path directory;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Corpus corpus;
        try {
            corpus = directory == null ? Corpus.shipped() : Corpus.open(directory);
        } catch (NoSuchFileException e) {
            // Exit 1 means that the detector failed a scenario, so a missing corpus must not use it.
            spec.commandLine().getErr().println("error: corpus not found: " + e.getMessage()
                    + "; pass a directory that contains one, or no DIR for the shipped corpus");
            return 2;
        }
        List<Evaluation.Row> rows = Evaluation.run(corpus, LeakSettings.defaults());
        Evaluation.Summary robust = Evaluation.Summary.of(rows.stream()
                .map(Evaluation.Row::robust).toList());
        Evaluation.Summary naive = Evaluation.Summary.of(rows.stream()
                .map(Evaluation.Row::naive).toList());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ReplayOutput.toJson(toJson(rows, robust, naive)));
        } else {
            printText(out, rows, robust, naive);
        }
        out.flush();
        return robust.passed() == robust.scenarios() ? 0 : 1;
    }

    private static void printText(PrintWriter out, List<Evaluation.Row> rows,
            Evaluation.Summary robust, Evaluation.Summary naive) {
        out.printf("%-26s | %-22s %7s %3s %-4s | %-22s %7s %3s%n", "scenario", "robust verdict",
                "detect", "FA", "ok", "naive verdict", "detect", "FA");
        for (Evaluation.Row row : rows) {
            ScenarioScore r = row.robust();
            ScenarioScore n = row.naive();
            out.printf("%-26s | %-22s %7s %3d %-4s | %-22s %7s %3d%n", row.scenario().name(),
                    r.verdict(), seconds(r.timeToDetectSeconds()), r.falseAlarms(),
                    r.passed() ? "pass" : "FAIL", n.verdict(), seconds(n.timeToDetectSeconds()),
                    n.falseAlarms());
            r.notes().forEach(note -> out.println("    robust: " + note));
        }
        out.println();
        printSummary(out, "robust", robust);
        printSummary(out, "naive", naive);
    }

    private static void printSummary(PrintWriter out, String name, Evaluation.Summary s) {
        out.printf(Locale.ROOT, "%-7s leaks found %d of %d, missed %d, false alarms %d, "
                + "precision %.2f, recall %.2f, median time to detect %s, scenarios passed %d "
                + "of %d%n", name, s.detected(), s.leaks(), s.missed(), s.falseAlarms(),
                s.precision(), s.recall(), seconds(s.medianTimeToDetectSeconds()), s.passed(),
                s.scenarios());
    }

    private static String seconds(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.0fs", value);
    }

    private static ObjectNode toJson(List<Evaluation.Row> rows, Evaluation.Summary robust,
            Evaluation.Summary naive) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode scenarios = root.putArray("scenarios");
        for (Evaluation.Row row : rows) {
            ObjectNode node = scenarios.addObject();
            node.put("name", row.scenario().name());
            node.put("leak", row.scenario().expect().leak());
            node.set("robust", scoreJson(row.robust()));
            node.set("naive", scoreJson(row.naive()));
        }
        ObjectNode summary = root.putObject("summary");
        summary.set("robust", summaryJson(robust));
        summary.set("naive", summaryJson(naive));
        return root;
    }

    private static ObjectNode scoreJson(ScenarioScore score) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("verdict", score.verdict());
        node.put("detected", score.detected());
        if (score.timeToDetectSeconds() != null) {
            node.put("timeToDetectSeconds", score.timeToDetectSeconds());
        }
        node.put("falseAlarms", score.falseAlarms());
        node.put("passed", score.passed());
        ArrayNode notes = node.putArray("notes");
        score.notes().forEach(notes::add);
        return node;
    }

    private static ObjectNode summaryJson(Evaluation.Summary s) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("scenarios", s.scenarios());
        node.put("leaks", s.leaks());
        node.put("detected", s.detected());
        node.put("missed", s.missed());
        node.put("falseAlarms", s.falseAlarms());
        node.put("precision", s.precision());
        node.put("recall", s.recall());
        if (s.medianTimeToDetectSeconds() == null) {
            node.putNull("medianTimeToDetectSeconds");
        } else {
            node.put("medianTimeToDetectSeconds", s.medianTimeToDetectSeconds());
        }
        node.put("passed", s.passed());
        return node;
    }
}
