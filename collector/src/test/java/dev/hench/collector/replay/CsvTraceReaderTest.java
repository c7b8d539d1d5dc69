package dev.hench.collector.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hench.collector.signal.GcKind;
import dev.hench.collector.signal.Observation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvTraceReaderTest {

    @Test
    void readsKnownColumnsAndTreatsEmptyCellsAsAbsent() throws IOException {
        Trace trace = read("t_seconds,heap_used_bytes,heap_after_gc_bytes,gc_kind,rss_bytes,phase\n"
                + "1.5,100,,,4096,load\n"
                + "2,,50,mixed,,\n");
        Observation first = trace.series().get(0).observations().get(0);
        Observation second = trace.series().get(0).observations().get(1);
        assertThat(first.timeMillis()).isEqualTo(1500);
        assertThat(first.heapUsedBytes()).isEqualTo(100);
        assertThat(first.isGcEvent()).isFalse();
        assertThat(first.phase()).isEqualTo("load");
        assertThat(Observation.isPresent(first.metaspaceBytes())).isFalse();
        assertThat(second.gcKind()).isEqualTo(GcKind.MIXED);
        assertThat(second.heapAfterGcBytes()).isEqualTo(50);
        assertThat(Observation.isPresent(second.rssBytes())).isFalse();
        assertThat(second.phase()).isNull();
    }

    @Test
    void unknownColumnIsIgnoredWithWarning() throws IOException {
        Trace trace = read("t_seconds,colour\n1,blue\n");
        assertThat(trace.warnings()).singleElement().asString().contains("unknown column 'colour'");
        assertThat(trace.observationCount()).isEqualTo(1);
    }

    @Test
    void badNumberNamesFileLineColumnAndValue() {
        assertThatThrownBy(() -> read("t_seconds,rss_bytes\n1,100\n2,12x\n"))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("w.csv").hasMessageContaining("line 3")
                .hasMessageContaining("column rss_bytes").hasMessageContaining("'12x'");
    }

    @Test
    void negativeBytesAreRejected() {
        assertThatThrownBy(() -> read("t_seconds,rss_bytes\n1,-5\n"))
                .hasMessageContaining("'-5'").hasMessageContaining("at least 0");
    }

    @Test
    void badGcKindIsRejected() {
        assertThatThrownBy(() -> read("t_seconds,gc_kind,heap_after_gc_bytes\n1,minor,5\n"))
                .hasMessageContaining("column gc_kind").hasMessageContaining("'minor'")
                .hasMessageContaining("young, mixed, old, full");
    }

    @Test
    void gcKindWithoutAfterValueIsRejected() {
        assertThatThrownBy(() -> read("t_seconds,gc_kind\n1,young\n"))
                .hasMessageContaining("heap_after_gc_bytes");
    }

    @Test
    void missingTimeColumnIsRejected() {
        assertThatThrownBy(() -> read("heap_used_bytes\n1\n"))
                .hasMessageContaining("no t_seconds column");
    }

    @Test
    void timeGoingBackwardsWithoutSessionIsRejected() {
        assertThatThrownBy(() -> read("t_seconds\n5\n4\n"))
                .hasMessageContaining("line 3").hasMessageContaining("session column");
    }

    @Test
    void sessionChangeStartsNewSeries() throws IOException {
        Trace trace = read("t_seconds,session\n1,a\n2,a\n1,b\n");
        assertThat(trace.series()).hasSize(2);
        assertThat(trace.series().get(1).worker().sessionId()).isEqualTo("b");
        assertThat(trace.series().get(1).worker().workerId()).isEqualTo("w");
    }

    private static Trace read(String csv) throws IOException {
        return new CsvTraceReader("w.csv").read(new BufferedReader(new StringReader(csv)));
    }
}
