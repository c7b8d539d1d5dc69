package dev.hench.agent.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MessageRingTest {

    private static MessageBody value(long value) {
        return writer -> writer.field("v", value);
    }

    private static String copy(MessageRing ring, long fromSeq, int bytes) {
        ByteBuffer target = ByteBuffer.allocate(bytes);
        ring.copyLines(fromSeq, target);
        target.flip();
        return StandardCharsets.UTF_8.decode(target).toString();
    }

    @Test
    void appendNumbersMessagesFromOne() {
        MessageRing ring = new MessageRing(4, 64);

        assertThat(ring.append("sample", value(10))).isEqualTo(1);
        assertThat(ring.append("sample", value(11))).isEqualTo(2);
        assertThat(copy(ring, 1, 1024)).isEqualTo(
                "{\"type\":\"sample\",\"seq\":1,\"v\":10}\n{\"type\":\"sample\",\"seq\":2,\"v\":11}\n");
    }

    @Test
    void fullRingOverwritesOldestAndCountsDrop() {
        MessageRing ring = new MessageRing(2, 64);
        ring.append("s", value(1));
        ring.append("s", value(2));
        ring.append("s", value(3));

        assertThat(ring.droppedTotal()).isEqualTo(1);
        assertThat(ring.firstSeq()).isEqualTo(2);
        assertThat(ring.used()).isEqualTo(2);
        assertThat(copy(ring, 1, 1024)).isEqualTo("{\"type\":\"s\",\"seq\":2,\"v\":2}\n{\"type\":\"s\",\"seq\":3,\"v\":3}\n");
    }

    @Test
    void acknowledgeFreesUpToSeq() {
        MessageRing ring = new MessageRing(4, 64);
        for (int i = 0; i < 3; i++) {
            ring.append("s", value(i));
        }

        ring.acknowledge(2);

        assertThat(ring.used()).isEqualTo(1);
        assertThat(copy(ring, 1, 1024)).isEqualTo("{\"type\":\"s\",\"seq\":3,\"v\":2}\n");
        ring.acknowledge(99);
        assertThat(ring.used()).isZero();
        assertThat(ring.append("s", value(9))).isEqualTo(4);
    }

    @Test
    void unacknowledgedMessagesStayForResend() {
        MessageRing ring = new MessageRing(4, 64);
        ring.append("s", value(1));
        ring.append("s", value(2));

        String firstSend = copy(ring, 1, 1024);
        String resend = copy(ring, 1, 1024);

        assertThat(resend).isEqualTo(firstSend);
        assertThat(ring.droppedTotal()).isZero();
    }

    @Test
    void copyStopsAtLineThatDoesNotFit() {
        MessageRing ring = new MessageRing(4, 64);
        ring.append("s", value(1));
        ring.append("s", value(2));
        ByteBuffer target = ByteBuffer.allocate(40);

        long next = ring.copyLines(1, target);

        assertThat(next).isEqualTo(2);
        assertThat(target.position()).isEqualTo("{\"type\":\"s\",\"seq\":1,\"v\":1}\n".length());
    }

    @Test
    void largeMessageGrowsItsSlot() {
        MessageRing ring = new MessageRing(2, 64);
        String big = "x".repeat(1_000);

        ring.append("s", writer -> writer.field("big", big));

        assertThat(copy(ring, 1, 4096)).contains(big);
    }

    @Test
    void oversizeLineIsDiscardedAndCounted() {
        MessageRing ring = new MessageRing(2, 64);
        String huge = "x".repeat(MessageRing.MAX_LINE_BYTES);

        assertThat(ring.append("s", writer -> writer.field("huge", huge))).isZero();
        assertThat(ring.oversizeTotal()).isEqualTo(1);
        assertThat(ring.used()).isZero();
        assertThat(ring.append("s", value(1))).isEqualTo(1);
    }

    @Test
    void appendAllocatesNothingInSteadyState() {
        MessageRing ring = new MessageRing(8, 256);
        MessageBody body = value(123_456_789L);
        for (int i = 0; i < 10_000; i++) {
            ring.append("sample", body);
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            ring.append("sample", body);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).isLessThan(1_000);
    }
}
