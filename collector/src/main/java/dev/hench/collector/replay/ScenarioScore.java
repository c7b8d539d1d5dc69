package dev.hench.collector.replay;

import java.util.List;

/**
 * Score of one detector on one scenario.
 *
 * @param scenario scenario name
 * @param verdict short text: the detecting alert, the worst alert, or the final heap verdict
 * @param leak true for a leak scenario
 * @param detected true when the leak was found within its time at its level, with the right
 *     time to limit and resolution where the scenario checks them
 * @param timeToDetectSeconds seconds from the leak's start to the detecting alert, or null
 * @param falseAlarms alerts raised that the scenario does not allow
 * @param passed true when every expectation of the scenario held
 * @param notes one line per failed expectation
 */
public record ScenarioScore(
        String scenario,
        String verdict,
        boolean leak,
        boolean detected,
        Double timeToDetectSeconds,
        int falseAlarms,
        boolean passed,
        List<String> notes) {
}
