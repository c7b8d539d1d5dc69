package dev.hench.collector.replay;

import dev.hench.collector.leak.LeakDetector;
import dev.hench.collector.leak.LeakSettings;
import dev.hench.collector.leak.RobustLeakDetector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Replays every scenario of a corpus through the robust detector and the naive baseline. */
public final class Evaluation {

    /** Scores of both detectors on one scenario. */
    public record Row(Scenario scenario, ScenarioScore robust, ScenarioScore naive) {
    }

    private Evaluation() {
    }

    public static List<Row> run(Corpus corpus, LeakSettings settings) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Scenario scenario : corpus.scenarios()) {
            Trace trace = corpus.trace(scenario);
            ReplayLimits limits = scenario.limits();
            ToLongFunction<dev.hench.collector.signal.WorkerKey> memory =
                    worker -> limits.memoryLimitBytes();
            LeakDetector robust = new RobustLeakDetector(settings, memory);
            LeakDetector naive = new NaiveRssDetector(settings, memory);
            ScenarioScore robustScore = new Scorer(scenario, false)
                    .score(Replayer.replay(trace, robust, limits));
            ScenarioScore naiveScore = new Scorer(scenario, true)
                    .score(Replayer.replay(trace, naive, limits));
            rows.add(new Row(scenario, robustScore, naiveScore));
        }
        return rows;
    }

    /** Summary of one detector over a corpus. */
    public record Summary(int scenarios, int leaks, int detected, int missed, int falseAlarms,
            double precision, double recall, Double medianTimeToDetectSeconds, int passed) {

        static Summary of(List<ScenarioScore> scores) {
            int leaks = 0;
            int detected = 0;
            int falseAlarms = 0;
            int passed = 0;
            List<Double> times = new ArrayList<>();
            for (ScenarioScore score : scores) {
                falseAlarms += score.falseAlarms();
                passed += score.passed() ? 1 : 0;
                if (score.leak()) {
                    leaks++;
                    if (score.detected()) {
                        detected++;
                        times.add(score.timeToDetectSeconds());
                    }
                }
            }
            double precision = detected + falseAlarms == 0 ? 1.0
                    : (double) detected / (detected + falseAlarms);
            double recall = leaks == 0 ? 1.0 : (double) detected / leaks;
            return new Summary(scores.size(), leaks, detected, leaks - detected, falseAlarms,
                    precision, recall, median(times), passed);
        }

        private static Double median(List<Double> values) {
            if (values.isEmpty()) {
                return null;
            }
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(Double::compare);
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle)
                    : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        }
    }
}
