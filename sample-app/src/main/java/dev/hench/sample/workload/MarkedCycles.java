package dev.hench.sample.workload;

/**
 * Creates the {@code cycles} workload: {@link CyclesWorkload} with each cycle marked as a run and
 * each step as a phase through the agent's public API. The API ships in the agent jar, which the
 * sample app does not bundle. Without {@code -javaagent} the API classes are missing, so the
 * workload then runs unmarked and prints one line about it on stderr.
 */
final class MarkedCycles {

    private MarkedCycles() {
    }

    static Workload create(WorkloadOptions options) {
        if (AgentApiMarks.apiPresent()) {
            return new CyclesWorkload(options, new AgentApiMarks());
        }
        System.err.println("sample worker: " + AgentApiMarks.API_CLASS + " is not on the class path "
                + "(no -javaagent:hench-agent.jar), so the cycles run without phase marks");
        return new CyclesWorkload(options, CycleMarks.NONE);
    }
}
