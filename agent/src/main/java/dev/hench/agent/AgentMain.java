package dev.hench.agent;

import java.lang.instrument.Instrumentation;

/** Entry point named in the jar manifest for -javaagent and for attaching to a running JVM. */
public final class AgentMain {

    private AgentMain() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        // Placeholder: the agent starts nothing yet.
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        premain(arguments, instrumentation);
    }
}
