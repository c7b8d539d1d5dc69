package dev.hench.agent.options;

/**
 * A method whose every call is reported as a phase, from an option such as
 * {@code phase.run=com.example.Worker#execute}.
 *
 * @param phaseName phase name sent in {@code phase} messages
 * @param className binary name of the declaring class
 * @param methodName name of the method; all overloads are instrumented
 */
public record PhaseTarget(String phaseName, String className, String methodName) {
}
