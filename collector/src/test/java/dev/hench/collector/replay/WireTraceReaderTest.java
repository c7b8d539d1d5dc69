package dev.hench.collector.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hench.collector.signal.GcKind;
import dev.hench.collector.signal.Observation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTraceReaderTest {

    private static final String HELLO = "{\"type\":\"hello\",\"protocol\":1,\"worker\":\"build-7\","
            + "\"session\":\"s1\",\"pid\":1,\"heapMaxBytes\":2147483648}";

    @Test
    void readsSamplesAndGcEventsOfProtocolExamples() throws IOException {
        Trace trace = read(HELLO,
                "{\"type\":\"sample\",\"seq\":1,\"timeMillis\":1000,\"heapUsedBytes\":73400320,"
                        + "\"heapCommittedBytes\":134217728,\"rssBytes\":201326592,"
                        + "\"metaspaceUsedBytes\":25165824,\"codeCacheBytes\":9437184,"
                        + "\"directBytes\":16384,\"compiledMethods\":2310,\"loadedClasses\":4120,"
                        + "\"phase\":\"load\",\"runId\":\"run-17\"}",
                "{\"type\":\"phase\",\"seq\":2,\"timeMillis\":1500,\"name\":\"load\","
                        + "\"event\":\"begin\",\"runId\":\"run-17\"}",
                "{\"type\":\"gc\",\"seq\":3,\"timeMillis\":2000,\"gcId\":17,\"name\":\"G1New\","
                        + "\"kind\":\"young\",\"pauseNanos\":4100000,\"heapBeforeBytes\":140000000,"
                        + "\"heapAfterBytes\":61000000}");
        List<Observation> observations = trace.series().get(0).observations();
        assertThat(trace.series().get(0).worker().toString()).isEqualTo("build-7/s1");
        assertThat(observations).hasSize(3);
        Observation sample = observations.get(0);
        assertThat(sample.heapMaxBytes()).isEqualTo(2147483648L);
        assertThat(sample.metaspaceBytes()).isEqualTo(25165824L);
        assertThat(sample.runId()).isEqualTo("run-17");
        Observation gc = observations.get(2);
        assertThat(gc.gcKind()).isEqualTo(GcKind.YOUNG);
        assertThat(gc.heapAfterGcBytes()).isEqualTo(61000000L);
        assertThat(gc.gcPauseNanos()).isEqualTo(4100000L);
        assertThat(gc.phase()).isEqualTo("load");
    }

    @Test
    void resentMessagesAreSkippedAndUnknownTypesCounted() throws IOException {
        String sample = "{\"type\":\"sample\",\"seq\":1,\"timeMillis\":1000,\"rssBytes\":5}";
        Trace trace = read(HELLO, sample, HELLO, sample, "{\"type\":\"future\",\"seq\":2}");
        assertThat(trace.observationCount()).isEqualTo(1);
        assertThat(trace.warnings()).singleElement().asString().contains("'future'");
    }

    @Test
    void newSessionStartsNewSeries() throws IOException {
        Trace trace = read(HELLO, "{\"type\":\"sample\",\"seq\":1,\"timeMillis\":1}",
                HELLO.replace("s1", "s2"), "{\"type\":\"sample\",\"seq\":1,\"timeMillis\":2}");
        assertThat(trace.series()).hasSize(2);
    }

    @Test
    void malformedLineNamesTheLine() {
        assertThatThrownBy(() -> read(HELLO, "{not json"))
                .isInstanceOf(TraceFormatException.class).hasMessageContaining("line 2");
    }

    @Test
    void sampleBeforeHelloIsRejected() {
        assertThatThrownBy(() -> read("{\"type\":\"sample\",\"seq\":1,\"timeMillis\":1}"))
                .hasMessageContaining("before the first hello");
    }

    private static Trace read(String... lines) throws IOException {
        return new WireTraceReader("rec.jsonl").read(new BufferedReader(new StringReader(
                String.join("\n", lines))));
    }
}
