package dev.hench.agent.phase;

import java.util.ArrayList;
import java.util.List;

import dev.hench.agent.wire.JsonWriter;
import dev.hench.agent.wire.MessageRing;

/**
 * The worker's open phases and current run, fed by the public API and by instrumented methods.
 * Each boundary becomes a buffered {@code phase} or {@code run} message and, when JFR is available,
 * a {@code hench.Phase} event.
 *
 * <p>Phases form one process-wide stack: the innermost open phase is the one begun last and not yet
 * ended, whatever thread began it. Thread-safe.
 */
public final class PhaseTracker {

    static final int MAX_NAME_LENGTH = 128;

    private static volatile PhaseTracker active;

    private final MessageRing ring;
    private volatile PhaseEventSink eventSink;
    private final List<String> openPhases = new ArrayList<>();
    private volatile String innermostPhase;
    private volatile String runId;

    /** @param ring buffer that receives the messages */
    public PhaseTracker(MessageRing ring) {
        this.ring = ring;
    }

    /** Sets where boundaries are committed as JFR events, once JFR has started; null for none. */
    public void setEventSink(PhaseEventSink sink) {
        eventSink = sink;
    }

    /** Returns the running agent's tracker, or null when the agent is not running. */
    public static PhaseTracker active() {
        return active;
    }

    /** Makes {@code tracker} the one the public API reports to; called once by the agent's start. */
    public static void activate(PhaseTracker tracker) {
        active = tracker;
    }

    public String innermostPhase() {
        return innermostPhase;
    }

    public String runId() {
        return runId;
    }

    public void beginPhase(String name) {
        String phase = clean(name);
        synchronized (openPhases) {
            openPhases.add(phase);
            innermostPhase = phase;
        }
        report("phase", phase, "begin");
    }

    /** Ends the most recently begun open phase called {@code name}; an unknown name is still reported. */
    public void endPhase(String name) {
        String phase = clean(name);
        synchronized (openPhases) {
            int index = openPhases.lastIndexOf(phase);
            if (index >= 0) {
                openPhases.remove(index);
            }
            innermostPhase = openPhases.isEmpty() ? null : openPhases.get(openPhases.size() - 1);
        }
        report("phase", phase, "end");
    }

    public void beginRun(String id) {
        String run = clean(id);
        runId = run;
        report("run", run, "begin");
    }

    public void endRun(String id) {
        String run = clean(id);
        report("run", run, "end");
        if (run.equals(runId)) {
            runId = null;
        }
    }

    private void report(String kind, String name, String event) {
        long timeMillis = System.currentTimeMillis();
        String currentRun = runId;
        ring.append(kind, writer -> writeBoundary(writer, kind, name, event, currentRun, timeMillis));
        PhaseEventSink sink = eventSink;
        if (sink != null) {
            sink.commit(kind, name, event, currentRun);
        }
    }

    private static void writeBoundary(JsonWriter writer, String kind, String name, String event, String runId,
            long timeMillis) {
        writer.field("timeMillis", timeMillis);
        if (kind.equals("phase")) {
            writer.field("name", name);
            writer.field("event", event);
            writer.field("runId", runId);
        } else {
            writer.field("runId", name);
            writer.field("event", event);
        }
    }

    private static String clean(String name) {
        if (name == null || name.isEmpty()) {
            return "unnamed";
        }
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }
}
