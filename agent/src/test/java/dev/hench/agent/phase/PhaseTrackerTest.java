package dev.hench.agent.phase;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.hench.agent.wire.MessageRing;

class PhaseTrackerTest {

    private final MessageRing ring = new MessageRing(64, 256);
    private final PhaseTracker tracker = new PhaseTracker(ring);

    private String lines() {
        ByteBuffer target = ByteBuffer.allocate(16 * 1024);
        ring.copyLines(1, target);
        target.flip();
        return StandardCharsets.UTF_8.decode(target).toString();
    }

    @Test
    void innermostPhaseFollowsNesting() {
        tracker.beginPhase("load");
        tracker.beginPhase("parse");
        assertThat(tracker.innermostPhase()).isEqualTo("parse");

        tracker.endPhase("parse");
        assertThat(tracker.innermostPhase()).isEqualTo("load");

        tracker.endPhase("load");
        assertThat(tracker.innermostPhase()).isNull();
    }

    @Test
    void endingAnOuterPhaseKeepsTheInnerOne() {
        tracker.beginPhase("load");
        tracker.beginPhase("parse");

        tracker.endPhase("load");

        assertThat(tracker.innermostPhase()).isEqualTo("parse");
    }

    @Test
    void boundariesBecomeMessagesWithRunId() {
        tracker.beginRun("run-1");
        tracker.beginPhase("load");
        tracker.endPhase("load");
        tracker.endRun("run-1");

        String lines = lines();
        assertThat(lines).contains("\"type\":\"run\",\"seq\":1,").contains("\"runId\":\"run-1\",\"event\":\"begin\"");
        assertThat(lines).contains("\"type\":\"phase\",\"seq\":2,").contains("\"name\":\"load\",\"event\":\"begin\","
                + "\"runId\":\"run-1\"");
        assertThat(lines).contains("\"type\":\"run\",\"seq\":4,");
        assertThat(tracker.runId()).isNull();
    }

    @Test
    void nullAndLongNamesAreCleaned() {
        tracker.beginPhase(null);
        assertThat(tracker.innermostPhase()).isEqualTo("unnamed");

        tracker.beginPhase("x".repeat(500));
        assertThat(tracker.innermostPhase()).hasSize(PhaseTracker.MAX_NAME_LENGTH);
    }

    @Test
    void sinkReceivesEveryBoundary() {
        List<String> committed = new ArrayList<>();
        tracker.setEventSink((kind, name, event, runId) -> committed.add(kind + " " + name + " " + event + " " + runId));

        tracker.beginRun("r");
        tracker.beginPhase("p");
        tracker.endPhase("p");

        assertThat(committed).containsExactly("run r begin r", "phase p begin r", "phase p end r");
    }
}
