package dev.hench.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A phase or run boundary of the worker, from the agent's API or an instrumented method. */
@Name("hench.Phase")
@Label("hench Phase")
@Category("hench")
@StackTrace(false)
final class PhaseEvent extends Event {

    @Label("Kind")
    String kind;

    @Label("Name")
    String name;

    @Label("Boundary")
    String boundary;

    @Label("Run Id")
    String runId;
}
