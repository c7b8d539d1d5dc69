package dev.hench.collector.replay;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertState;
import dev.hench.collector.alert.Level;
import dev.hench.collector.leak.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores a replay result against a scenario's expectation. A false alarm is an alert id raised
 * on a signal the scenario does not allow, before a leak started, or above the highest level a
 * scenario without a leak allows. The baseline reports RSS only, so for it every signal counts as
 * the leak's signal and end verdicts are not checked.
 */
final class Scorer {

    private final Scenario scenario;
    private final boolean baseline;
    private final List<String> notes = new ArrayList<>();

    Scorer(Scenario scenario, boolean baseline) {
        this.scenario = scenario;
        this.baseline = baseline;
    }

    ScenarioScore score(ReplayResult result) {
        long start = result.series().isEmpty() ? 0 : result.series().get(0).firstMillis();
        List<Alert> alerts = new ArrayList<>();
        result.series().forEach(series -> alerts.addAll(series.alerts()));
        Scenario.Expectation expect = scenario.expect();
        int falseAlarms = countFalseAlarms(alerts, start);
        if (!baseline) {
            checkVerdicts(result);
        }
        if (!expect.leak()) {
            return new ScenarioScore(scenario.name(), describeWorst(alerts, result), false, false,
                    null, falseAlarms, falseAlarms == 0 && notes.isEmpty(), List.copyOf(notes));
        }
        Alert detection = findDetection(alerts);
        Double timeToDetect = detection == null ? null
                : seconds(detection, start) - value(expect.leakStartSeconds());
        boolean detected = detection != null && timeToDetect <= expect.detectWithinSeconds();
        if (detection == null) {
            notes.add("not detected at " + expect.minLevel() + " or above");
        } else if (!detected) {
            notes.add(String.format(Locale.ROOT, "detected after %.0f s, allowed %.0f s",
                    timeToDetect, expect.detectWithinSeconds()));
        } else {
            detected = checkTimeToLimit(detection, start) & checkResolved(alerts, detection,
                    start);
        }
        String verdict = detection == null ? "missed" : describe(detection);
        return new ScenarioScore(scenario.name(), verdict, true, detected, timeToDetect,
                falseAlarms, detected && falseAlarms == 0 && notes.isEmpty(), List.copyOf(notes));
    }

    private int countFalseAlarms(List<Alert> alerts, long start) {
        Set<String> falseIds = new HashSet<>();
        Scenario.Expectation expect = scenario.expect();
        for (Alert alert : alerts) {
            if (alert.state() == AlertState.RESOLVED) {
                continue;
            }
            boolean isFalse;
            if (expect.leak()) {
                boolean early = seconds(alert, start) < value(expect.leakStartSeconds());
                isFalse = early || !(matchesLeakSignal(alert) || allowedAlso(alert));
            } else {
                Level max = level(expect.maxLevel() == null ? "none" : expect.maxLevel());
                isFalse = alert.level().compareTo(max) > 0;
            }
            if (isFalse && falseIds.add(alert.id())) {
                notes.add("false alarm: " + describe(alert) + " at "
                        + Math.round(seconds(alert, start)) + " s");
            }
        }
        return falseIds.size();
    }

    private Alert findDetection(List<Alert> alerts) {
        Level min = level(scenario.expect().minLevel() == null ? "information"
                : scenario.expect().minLevel());
        for (Alert alert : alerts) {
            if (alert.state() != AlertState.RESOLVED && matchesLeakSignal(alert)
                    && alert.level().compareTo(min) >= 0 && alert.level() != Level.INSUFFICIENT_DATA) {
                return alert;
            }
        }
        return null;
    }

    private boolean checkTimeToLimit(Alert detection, long start) {
        Double reachedAt = scenario.expect().limitReachedAtSeconds();
        if (reachedAt == null) {
            return true;
        }
        double tolerance = value(scenario.expect().timeToLimitTolerance());
        double actual = reachedAt - seconds(detection, start);
        if (detection.timeToLimit() == null) {
            notes.add("no time to limit reported");
            return false;
        }
        double reported = detection.timeToLimit().toMillis() / 1000.0;
        if (Math.abs(reported - actual) > tolerance * actual) {
            notes.add(String.format(Locale.ROOT, "time to limit %.0f s, actual %.0f s (more "
                    + "than %.0f%% off)", reported, actual, 100 * tolerance));
            return false;
        }
        return true;
    }

    private boolean checkResolved(List<Alert> alerts, Alert detection, long start) {
        Double stop = scenario.expect().leakStopSeconds();
        if (stop == null) {
            return true;
        }
        double deadline = stop + value(scenario.expect().resolveWithinSeconds());
        for (Alert alert : alerts) {
            if (alert.id().equals(detection.id()) && alert.state() == AlertState.RESOLVED) {
                if (seconds(alert, start) <= deadline) {
                    return true;
                }
                notes.add(String.format(Locale.ROOT, "resolved at %.0f s, deadline %.0f s",
                        seconds(alert, start), deadline));
                return false;
            }
        }
        notes.add("never resolved after the leak stopped");
        return false;
    }

    private void checkVerdicts(ReplayResult result) {
        if (result.series().isEmpty()) {
            return;
        }
        List<Verdict> verdicts = result.series().get(result.series().size() - 1).verdicts();
        for (Scenario.ExpectedVerdict expected : scenario.expect().verdicts()) {
            Verdict actual = verdicts.stream().filter(v -> v.source().equals(expected.source()))
                    .findFirst().orElse(null);
            if (actual == null) {
                notes.add("no verdict for " + expected.source());
            } else if (!actual.level().displayName().equals(expected.level())) {
                notes.add(expected.source() + " verdict " + actual.level().displayName()
                        + ", expected " + expected.level() + " (" + actual.reason() + ")");
            } else if (expected.reasonContains() != null
                    && !actual.reason().contains(expected.reasonContains())) {
                notes.add(expected.source() + " reason '" + actual.reason() + "' lacks '"
                        + expected.reasonContains() + "'");
            }
        }
    }

    private boolean matchesLeakSignal(Alert alert) {
        return baseline || scenario.expect().signals().contains(alert.signal().wireName());
    }

    private boolean allowedAlso(Alert alert) {
        return scenario.expect().alsoAllowed().contains(alert.signal().wireName());
    }

    private String describeWorst(List<Alert> alerts, ReplayResult result) {
        Alert worst = null;
        for (Alert alert : alerts) {
            if (worst == null || alert.level().compareTo(worst.level()) > 0) {
                worst = alert;
            }
        }
        if (worst != null) {
            return describe(worst);
        }
        if (baseline || result.series().isEmpty()) {
            return "no alert";
        }
        List<Verdict> verdicts = result.series().get(result.series().size() - 1).verdicts();
        return verdicts.stream().filter(v -> v.source().equals("heap")).findFirst()
                .map(v -> "heap " + v.level().displayName()).orElse("no alert");
    }

    private static String describe(Alert alert) {
        return alert.signal().wireName() + " " + alert.level().displayName();
    }

    static Level level(String displayName) {
        for (Level level : Level.values()) {
            if (level.displayName().equals(displayName)) {
                return level;
            }
        }
        throw new IllegalArgumentException("level was '" + displayName + "' but must be one of "
                + "none, information, warning, critical, insufficient data");
    }

    private static double seconds(Alert alert, long startMillis) {
        return (alert.at().toEpochMilli() - startMillis) / 1000.0;
    }

    private static double value(Double seconds) {
        return seconds == null ? 0 : seconds;
    }
}
