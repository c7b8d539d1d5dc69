package dev.hench.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hench.collector.alert.Alert;
import dev.hench.collector.alert.AlertDispatcher;
import dev.hench.collector.leak.LeakDetector;
import dev.hench.collector.signal.GcKind;
import dev.hench.collector.signal.Observation;
import dev.hench.collector.signal.WorkerKey;
import dev.hench.collector.worker.HistorySignal;
import dev.hench.collector.worker.WorkerIdentity;
import dev.hench.collector.worker.WorkerRegistry;
import dev.hench.collector.worker.WorkerSeries;
import dev.hench.collector.worker.WorkerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {

    private final List<Observation> observed = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LeakDetector detector = new LeakDetector() {
        @Override
        public List<Alert> observe(WorkerKey worker, Observation observation) {
            observed.add(observation);
            if (observation.heapUsedBytes() == 666) {
                throw new IllegalStateException("detector broke on purpose");
            }
            return List.of();
        }

        @Override
        public void forget(WorkerKey worker) {
        }
    };
    private final IngestPipeline pipeline = new IngestPipeline(detector, new AlertDispatcher(meters),
            new IngestMetrics(meters));
    private final WorkerSeries series = new WorkerRegistry(new WorkerSettings(Duration.ZERO, 16), detector)
            .connected(new WorkerIdentity(new WorkerKey("w", "s"), 1, "v", "17", 0, 1000, "t", null, null));

    private boolean accept(String line) throws MalformedLineException {
        WireMessage message = new WireMessage();
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        new WireParser().parse(bytes, 0, bytes.length, message);
        return pipeline.accept(series, message);
    }

    @Test
    void sampleBecomesObservation() throws Exception {
        accept("{\"type\":\"sample\",\"seq\":1,\"timeMillis\":10,\"heapUsedBytes\":5,\"heapMaxBytes\":900,"
                + "\"rssBytes\":7,\"phase\":\"load\",\"runId\":\"r1\"}");

        Observation observation = observed.get(0);
        assertThat(observation.timeMillis()).isEqualTo(10);
        assertThat(observation.heapUsedBytes()).isEqualTo(5);
        assertThat(observation.rssBytes()).isEqualTo(7);
        assertThat(observation.metaspaceBytes()).isEqualTo(Observation.ABSENT);
        assertThat(observation.phase()).isEqualTo("load");
        assertThat(observation.runId()).isEqualTo("r1");
        assertThat(series.lastSample()).isSameAs(observation);
    }

    @Test
    void gcCarriesKindHeapMaxAndCurrentPhase() throws Exception {
        accept("{\"type\":\"sample\",\"seq\":1,\"timeMillis\":10,\"heapMaxBytes\":900,\"phase\":\"load\"}");
        accept(ProtocolClient.gc(2, 11, "mixed", 400));

        Observation gc = observed.get(1);
        assertThat(gc.gcKind()).isEqualTo(GcKind.MIXED);
        assertThat(gc.heapAfterGcBytes()).isEqualTo(400);
        assertThat(gc.heapMaxBytes()).isEqualTo(900);
        assertThat(gc.phase()).isEqualTo("load");
        assertThat(series.lastHeapAfterGcBytes()).isEqualTo(400);
    }

    @Test
    void phaseAndRunMessagesMoveBoundaries() throws Exception {
        accept("{\"type\":\"run\",\"seq\":1,\"timeMillis\":1,\"runId\":\"r1\",\"event\":\"begin\"}");
        accept("{\"type\":\"phase\",\"seq\":2,\"timeMillis\":2,\"name\":\"load\",\"event\":\"begin\"}");
        accept("{\"type\":\"phase\",\"seq\":3,\"timeMillis\":3,\"name\":\"parse\",\"event\":\"begin\"}");
        accept("{\"type\":\"phase\",\"seq\":4,\"timeMillis\":4,\"name\":\"load\",\"event\":\"end\"}");
        accept("{\"type\":\"run\",\"seq\":5,\"timeMillis\":5,\"runId\":\"r1\",\"event\":\"end\"}");

        assertThat(observed).extracting(Observation::phase).containsExactly(null, "load", "parse", null, null);
        assertThat(observed).extracting(Observation::runId).containsExactly("r1", "r1", "r1", "r1", null);
    }

    @Test
    void duplicateSeqIsDroppedBeforeDetector() throws Exception {
        assertThat(accept(ProtocolClient.sample(1, 10, 5))).isTrue();
        assertThat(accept(ProtocolClient.sample(1, 10, 5))).isFalse();

        assertThat(observed).hasSize(1);
        assertThat(meters.get("hench.ingest.duplicate.messages").counter().count()).isEqualTo(1);
    }

    @Test
    void detectorFailureIsCountedAndSeqAdvances() throws Exception {
        accept(ProtocolClient.sample(1, 10, 666));

        assertThat(series.sequence().lastProcessedSeq()).isEqualTo(1);
        assertThat(meters.get("hench.ingest.processing.failures").counter().count()).isEqualTo(1);
    }

    @Test
    void invalidMessagesAreMalformed() {
        String[] lines = {
            "{\"type\":\"sample\",\"timeMillis\":10}",
            "{\"type\":\"sample\",\"seq\":0,\"timeMillis\":10}",
            "{\"type\":\"sample\",\"seq\":1}",
            "{\"type\":\"gc\",\"seq\":1,\"kind\":\"old\",\"heapAfterBytes\":1}",
            "{\"type\":\"phase\",\"seq\":1,\"timeMillis\":1,\"name\":\"x\",\"event\":\"start\"}",
            "{\"type\":\"phase\",\"seq\":1,\"timeMillis\":1,\"event\":\"begin\"}",
            ProtocolClient.hello("w", "s", 1),
        };
        for (String line : lines) {
            assertThatThrownBy(() -> accept(line)).as(line).isInstanceOf(MalformedLineException.class);
        }
    }

    @Test
    void gcWithoutKnownKindIsKeptButNoFloor() throws Exception {
        accept("{\"type\":\"gc\",\"seq\":1,\"timeMillis\":1,\"heapAfterBytes\":300}");
        accept("{\"type\":\"gc\",\"seq\":2,\"timeMillis\":2,\"kind\":\"huge\",\"heapAfterBytes\":200}");

        assertThat(observed).extracting(Observation::gcKind).containsOnlyNulls();
        assertThat(observed).noneMatch(Observation::isGcEvent);
        assertThat(series.history(HistorySignal.HEAP_AFTER_GC)[1])
                .containsExactly(300, 200);
        assertThat(series.sequence().lastProcessedSeq()).isEqualTo(2);
    }
}
