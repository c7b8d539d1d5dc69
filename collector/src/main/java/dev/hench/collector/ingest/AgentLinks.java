package dev.hench.collector.ingest;

import dev.hench.collector.signal.WorkerKey;

/**
 * Sends collector-to-agent lines ({@code alert}, {@code admission}, {@code detail}, ...) over the
 * open agent connections. Sending never blocks: each connection queues a bounded number of lines
 * and drops, counts and logs the rest.
 */
public interface AgentLinks {

    /**
     * Queues one JSON line (without its newline) to the connection of {@code worker}.
     *
     * @return false when that series has no open connection or its queue is full
     */
    boolean send(WorkerKey worker, String jsonLine);

    /**
     * Queues one JSON line to every connection that has completed its hello.
     *
     * @return how many connections accepted the line
     */
    int broadcast(String jsonLine);
}
