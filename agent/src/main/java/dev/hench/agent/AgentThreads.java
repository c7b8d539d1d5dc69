package dev.hench.agent;

/**
 * Creates the agent's threads: daemons, so the agent never keeps a worker alive, with a null
 * context class loader, so no worker class loader is pinned, and named {@code hench-agent-ROLE}.
 */
final class AgentThreads {

    static final String SAMPLER = "sampler";
    static final String SENDER = "sender";
    static final String JFR = "jfr";
    static final String DETAIL = "detail";
    static final String SHUTDOWN = "shutdown";

    private AgentThreads() {
    }

    static Thread start(String role, Runnable body) {
        Thread thread = unstarted(role, body);
        thread.start();
        return thread;
    }

    /** Creates the thread without starting it, for a shutdown hook. */
    static Thread unstarted(String role, Runnable body) {
        Thread thread = new Thread(() -> runGuarded(role, body), "hench-agent-" + role);
        thread.setDaemon(true);
        thread.setContextClassLoader(null);
        return thread;
    }

    private static void runGuarded(String role, Runnable body) {
        try {
            body.run();
        } catch (Throwable e) {
            // Throwable: an agent thread's death must be reported here, not by the worker's handler.
            StderrLog.print("agent thread hench-agent-" + role + " stopped: " + e);
        }
    }
}
