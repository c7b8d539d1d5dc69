package dev.hench.sample.workload;

import dev.hench.agent.api.Phase;
import dev.hench.agent.api.Phases;
import dev.hench.agent.api.Runs;

/**
 * Marks runs and phases with {@code dev.hench.agent.api}. Only this class refers to the API, so
 * the sample app loads it only after {@link #apiPresent()} found the agent jar on the class path.
 */
final class AgentApiMarks implements CycleMarks {

    static final String API_CLASS = "dev.hench.agent.api.Phases";

    /** Returns true when the agent jar, and with it the API, is on the class path. */
    static boolean apiPresent() {
        try {
            Class.forName(API_CLASS, false, AgentApiMarks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public void beginRun(String runId) {
        Runs.begin(runId);
    }

    @Override
    public void endRun(String runId) {
        Runs.end(runId);
    }

    @Override
    public void inPhase(String name, Step step) throws InterruptedException {
        try (Phase phase = Phases.open(name)) {
            step.run();
        }
    }
}
