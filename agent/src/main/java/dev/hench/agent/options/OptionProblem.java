package dev.hench.agent.options;

/**
 * One invalid agent option, printed as one stderr line.
 *
 * @param key option key as written in the agent argument (for example {@code interval})
 * @param value the rejected value as given
 * @param allowed what the option accepts
 */
public record OptionProblem(String key, String value, String allowed) {

    /** Returns the stderr line, for example {@code interval was '0s' but must be between 100ms and 1h}. */
    public String describe() {
        return key + " was '" + value + "' but " + allowed;
    }
}
