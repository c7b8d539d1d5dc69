package dev.hench.agent.phase;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.hench.agent.StderrLog;
import dev.hench.agent.options.PhaseTarget;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs {@link PhaseAdvice} on the methods named in {@code phase.NAME=class#method} options.
 * Each target matches one class by exact name; JDK classes and the agent's own are ignored. The
 * advice is inlined, so no member is added to any class and already-loaded classes can be
 * retransformed.
 */
public final class PhaseInstrumentation {

    private PhaseInstrumentation() {
    }

    /**
     * Installs the transformation; returns without effect when {@code targets} is empty.
     *
     * @param attached true when the agent was attached to a running JVM, so classes that are
     *     already loaded must be retransformed; at premain the targets are not loaded yet, and
     *     skipping the scan of loaded classes saves about two seconds of startup
     */
    public static void install(Instrumentation instrumentation, List<PhaseTarget> targets, boolean attached) {
        if (targets.isEmpty()) {
            return;
        }
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(attached ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                        : AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .with(new OncePerTypeErrors())
                .ignore(nameStartsWith("java.").or(nameStartsWith("jdk.")).or(nameStartsWith("sun."))
                        .or(nameStartsWith("com.sun.")).or(nameStartsWith("dev.hench.agent.")).or(isSynthetic()));
        for (PhaseTarget target : targets) {
            builder = builder.type(named(target.className())).transform(new AdviceTransformer(target));
        }
        builder.installOn(instrumentation);
    }

    /** Adds the advice for one target to its class. */
    private static final class AdviceTransformer implements AgentBuilder.Transformer {
        private final PhaseTarget target;

        AdviceTransformer(PhaseTarget target) {
            this.target = target;
        }

        @Override
        public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
                ClassLoader classLoader, JavaModule module, java.security.ProtectionDomain protectionDomain) {
            Advice advice = Advice.withCustomMapping()
                    .bind(PhaseName.class, target.phaseName())
                    .to(PhaseAdvice.class);
            return builder.visit(advice.on(named(target.methodName()).and(not(isAbstract())).and(not(isNative()))));
        }
    }

    /** Prints a transformation error once per type, so a failing class cannot flood stderr. */
    private static final class OncePerTypeErrors extends AgentBuilder.Listener.Adapter {
        private final Set<String> reported = ConcurrentHashMap.newKeySet();

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                Throwable throwable) {
            if (reported.add(typeName)) {
                StderrLog.print("could not instrument " + typeName + " for phases: " + throwable);
            }
        }
    }
}
