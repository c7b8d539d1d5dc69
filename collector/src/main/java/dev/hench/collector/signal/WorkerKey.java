package dev.hench.collector.signal;

import java.util.Objects;

/**
 * Identity of one worker series: the worker id that the operator chose and the session id that
 * the agent draws at each JVM start. A JVM that restarts under the same worker id gets a new
 * session, so its series starts from a new baseline.
 */
public record WorkerKey(String workerId, String sessionId) {

    public WorkerKey {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(sessionId, "sessionId");
    }

    @Override
    public String toString() {
        return workerId + "/" + sessionId;
    }
}
