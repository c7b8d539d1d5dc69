package dev.hench.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hench.collector.signal.Observation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireParserTest {

    private final WireParser parser = new WireParser();
    private final WireMessage message = new WireMessage();

    private void parse(String line) throws MalformedLineException {
        byte[] bytes = ("xx" + line).getBytes(StandardCharsets.UTF_8);
        parser.parse(bytes, 2, bytes.length - 2, message);
    }

    @Test
    void sampleFieldsAreRead() throws Exception {
        parse("{\"type\":\"sample\",\"seq\":42,\"timeMillis\":1764866441123,\"heapUsedBytes\":73400320,"
                + "\"heapMaxBytes\":2147483648,\"rssBytes\":201326592,\"phase\":\"load\",\"runId\":\"run-17\","
                + "\"droppedTotal\":3}");

        assertThat(message.type()).isEqualTo(MessageType.SAMPLE);
        assertThat(message.seq()).isEqualTo(42);
        assertThat(message.timeMillis()).isEqualTo(1764866441123L);
        assertThat(message.heapUsedBytes).isEqualTo(73400320);
        assertThat(message.heapMaxBytes()).isEqualTo(2147483648L);
        assertThat(message.rssBytes).isEqualTo(201326592);
        assertThat(message.phase()).isEqualTo("load");
        assertThat(message.runId()).isEqualTo("run-17");
        assertThat(message.droppedTotal()).isEqualTo(3);
    }

    @Test
    void missingFieldsAreAbsentNotZero() throws Exception {
        parse("{\"type\":\"sample\",\"seq\":1,\"timeMillis\":5}");

        assertThat(message.heapUsedBytes).isEqualTo(Observation.ABSENT);
        assertThat(message.rssBytes).isEqualTo(Observation.ABSENT);
        assertThat(message.phase()).isNull();
    }

    @Test
    void previousLineLeavesNothingBehind() throws Exception {
        parse("{\"type\":\"sample\",\"seq\":1,\"timeMillis\":5,\"rssBytes\":7,\"phase\":\"load\"}");
        parse("{\"type\":\"sample\",\"seq\":2,\"timeMillis\":6}");

        assertThat(message.rssBytes).isEqualTo(Observation.ABSENT);
        assertThat(message.phase()).isNull();
    }

    @Test
    void unknownFieldsOfAnyShapeAreSkipped() throws Exception {
        parse("{\"type\":\"gc\",\"future\":{\"a\":[1,2,{\"b\":null}]},\"seq\":9,\"kind\":\"old\","
                + "\"heapAfterBytes\":100,\"timeMillis\":1,\"flag\":true}");

        assertThat(message.type()).isEqualTo(MessageType.GC);
        assertThat(message.seq()).isEqualTo(9);
        assertThat(message.kind).isEqualTo("old");
        assertThat(message.heapAfterBytes()).isEqualTo(100);
    }

    @Test
    void unknownTypeIsKeptByName() throws Exception {
        parse("{\"type\":\"telemetry2\",\"seq\":3}");

        assertThat(message.type()).isEqualTo(MessageType.UNKNOWN);
        assertThat(message.typeName()).isEqualTo("telemetry2");
    }

    @Test
    void helloFieldsAreRead() throws Exception {
        parse(ProtocolClient.hello("build-7", "5f0c", 1));

        assertThat(message.type()).isEqualTo(MessageType.HELLO);
        assertThat(message.protocol).isEqualTo(1);
        assertThat(message.worker()).isEqualTo("build-7");
        assertThat(message.session()).isEqualTo("5f0c");
        assertThat(message.pid).isEqualTo(4242);
    }

    @Test
    void invalidLinesAreMalformed() {
        String[] lines = {
            "not json",
            "[1,2]",
            "{\"seq\":1}",
            "{\"type\":\"sample\",\"seq\":\"one\"}",
            "{\"type\":\"sample\",\"seq\":1.5}",
            "{\"type\":7}",
            "{\"type\":\"sample\"} {}",
            "{\"type\":\"sample\",",
        };
        for (String line : lines) {
            assertThatThrownBy(() -> parse(line)).as(line).isInstanceOf(MalformedLineException.class);
        }
    }

    @Test
    void lineTextAndHelloIdentityAreAvailable() throws Exception {
        String hello = ProtocolClient.hello("build-7", "5f0c", 1);
        parse(hello);

        assertThat(message.lineText()).isEqualTo(hello);
        assertThat(message.helloIdentity().key().workerId()).isEqualTo("build-7");
        assertThat(message.helloIdentity().heapMaxBytes()).isEqualTo(268435456L);
    }
}
