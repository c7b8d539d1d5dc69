package dev.hench.agent.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.hench.agent.wire.JsonWriter;

class StatmReaderTest {

    private static long parse(String content) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(256);
        buffer.put(content.getBytes(StandardCharsets.US_ASCII));
        return StatmReader.parseResidentPages(buffer, content.length());
    }

    @Test
    void parsesSecondField() {
        // A real line from a JDK 17 process on Linux x86-64.
        assertThat(parse("1752317 30981 5771 1 0 113573 0\n")).isEqualTo(30_981);
    }

    @Test
    void toleratesExtraSpaces() {
        assertThat(parse("  12  345 6\n")).isEqualTo(345);
    }

    @Test
    void missingSecondFieldIsMinusOne() {
        assertThat(parse("1752317\n")).isEqualTo(-1);
        assertThat(parse("")).isEqualTo(-1);
        assertThat(parse("abc def")).isEqualTo(-1);
    }

    @Test
    void pageSizeRoundsToPowerOfTwo() {
        assertThat(StatmReader.roundToPowerOfTwo(4_100)).isEqualTo(4_096);
        assertThat(StatmReader.roundToPowerOfTwo(3_990)).isEqualTo(4_096);
        assertThat(StatmReader.roundToPowerOfTwo(66_000)).isEqualTo(65_536);
        assertThat(StatmReader.roundToPowerOfTwo(10)).isEqualTo(StatmReader.DEFAULT_PAGE_SIZE_BYTES);
    }

    @Test
    void pageSizeComesFromVmRss(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmRSS:\t  131072 kB\nThreads:\t20\n");

        assertThat(StatmReader.measurePageSize(2_048, status)).isEqualTo(65_536);
        assertThat(StatmReader.measurePageSize(32_770, status)).isEqualTo(4_096);
        assertThat(StatmReader.measurePageSize(0, status)).isEqualTo(StatmReader.DEFAULT_PAGE_SIZE_BYTES);
    }

    @Test
    void readsThisProcess() throws Exception {
        Path statm = Path.of("/proc/self/statm");
        assumeTrue(Files.isReadable(statm), "needs Linux /proc/self/statm");

        try (StatmReader reader = StatmReader.open(statm, Path.of("/proc/self/status"))) {
            long rss = reader.residentBytes();

            assertThat(rss).isNotEqualTo(JsonWriter.ABSENT);
            assertThat(rss).isGreaterThan(Runtime.getRuntime().totalMemory() / 100);
            assertThat(reader.pageSizeBytes()).isEqualTo(4_096);
        }
    }

    @Test
    void missingFileGivesNoReader(@TempDir Path dir) {
        assertThat(StatmReader.open(dir.resolve("statm"), dir.resolve("status"))).isNull();
    }
}
