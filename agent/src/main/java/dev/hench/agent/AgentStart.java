package dev.hench.agent;

import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.hench.agent.options.AgentOptions;
import dev.hench.agent.options.OptionProblem;
import dev.hench.agent.options.OptionsParser;
import dev.hench.agent.phase.PhaseInstrumentation;
import dev.hench.agent.phase.PhaseTracker;
import dev.hench.agent.wire.MessageRing;

/**
 * Validates the options and starts the agent. Premain itself only parses options, creates the
 * buffer, installs phase instrumentation when configured, and starts the sampler thread; JFR,
 * JMX-free MXBean reads and the socket all happen on the agent's daemon threads.
 */
final class AgentStart {

    static final int SLOT_BYTES = 1024;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private AgentStart() {
    }

    /** @param attached true for agentmain (attached to a running JVM), false for premain */
    static void start(String arguments, Instrumentation instrumentation, boolean attached) {
        if (!STARTED.compareAndSet(false, true)) {
            StderrLog.print("agent is already running in this JVM; ignoring the second start");
            return;
        }
        OptionsParser.ParseResult result = new OptionsParser(System.getenv(), defaultsSource()).parse(arguments);
        if (!result.isValid()) {
            for (OptionProblem problem : result.problems()) {
                StderrLog.print("invalid option: " + problem.describe());
            }
            StderrLog.print("agent disabled because of " + result.problems().size()
                    + " invalid option(s); the worker runs without it");
            return;
        }
        AgentOptions options = result.options();
        if (!options.enabled()) {
            StderrLog.print("agent disabled by enabled=false");
            return;
        }
        MessageRing ring = new MessageRing(options.bufferSlots(), SLOT_BYTES);
        PhaseTracker phases = new PhaseTracker(ring);
        PhaseTracker.activate(phases);
        installPhases(instrumentation, options, attached);
        AgentThreads.start(AgentThreads.SAMPLER, new AgentRuntime(options, ring, phases)::runSampler);
    }

    private static void installPhases(Instrumentation instrumentation, AgentOptions options, boolean attached) {
        try {
            PhaseInstrumentation.install(instrumentation, options.phaseTargets(), attached);
        } catch (RuntimeException | LinkageError e) {
            StderrLog.print("phase instrumentation failed and is off; other signals continue: " + e);
        }
    }

    private static Map<String, String> defaultsSource() {
        Map<String, String> properties = new HashMap<>();
        properties.put("java.io.tmpdir", System.getProperty("java.io.tmpdir"));
        properties.put("user.name", System.getProperty("user.name"));
        properties.put("pid", Long.toString(ProcessHandle.current().pid()));
        return properties;
    }
}
