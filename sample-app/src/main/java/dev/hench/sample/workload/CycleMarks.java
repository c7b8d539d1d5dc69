package dev.hench.sample.workload;

/**
 * How {@link CyclesWorkload} marks its runs and phases: not at all ({@link #NONE}, for
 * {@code cycles-plain} and for workers without the agent) or through the agent's public API
 * ({@link AgentApiMarks}).
 */
interface CycleMarks {

    CycleMarks NONE = new CycleMarks() {
    };

    /** A step of a cycle that may be interrupted. */
    @FunctionalInterface
    interface Step {
        void run() throws InterruptedException;
    }

    default void beginRun(String runId) {
    }

    default void endRun(String runId) {
    }

    /** Runs {@code step} as phase {@code name}. */
    default void inPhase(String name, Step step) throws InterruptedException {
        step.run();
    }
}
