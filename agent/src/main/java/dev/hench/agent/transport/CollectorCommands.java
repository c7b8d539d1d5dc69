package dev.hench.agent.transport;

import java.util.Map;

/** Carries out the requests that the collector pushes, on the sender thread. */
public interface CollectorCommands {

    /** Handles an {@code alert} message, given as parsed fields; must not block. */
    void alert(Map<String, Object> fields);

    /** Handles a {@code detail} request; must hand long work to another thread. */
    void detail(String requestId, long durationSeconds);
}
