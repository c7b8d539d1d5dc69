package dev.hench.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry point named in the jar manifest, for {@code -javaagent} and for attaching to a running
 * JVM. Nothing escapes it: the JVM aborts when premain throws, and the worker must always run.
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        try {
            AgentStart.start(arguments, instrumentation, attached);
        } catch (Throwable e) {
            // Throwable on purpose: even an Error here would stop the worker from starting.
            StderrLog.print("agent failed to start and is disabled; the worker runs without it: " + e);
        }
    }
}
