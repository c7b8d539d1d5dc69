package dev.hench.agent.phase;

import dev.hench.agent.api.Phases;
import net.bytebuddy.asm.Advice;

/**
 * Code inlined into each configured method: begins the phase on entry and ends it on every exit,
 * normal or by exception. It calls only the public API, which the instrumented class can see
 * because the agent jar is on the system class path.
 */
public final class PhaseAdvice {

    private PhaseAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter(@PhaseName String phase) {
        Phases.begin(phase);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void exit(@PhaseName String phase) {
        Phases.end(phase);
    }
}
