package dev.hench.collector.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ReadPacerTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void readsBeyondBurstWaitForTokens() throws Exception {
        InputStream in = new ReadPacer(1).wrap(new ByteArrayInputStream(new byte[MIB * 3 / 2]));
        long start = System.nanoTime();
        long bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(bytes).isEqualTo(MIB * 3 / 2);
        // One MiB passes as a burst; the other half MiB at 1 MiB/s needs at least 0.5 s.
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(450);
    }

    @Test
    void zeroLimitReturnsStreamUnwrapped() {
        InputStream raw = new ByteArrayInputStream(new byte[1]);
        assertThat(new ReadPacer(0).wrap(raw)).isSameAs(raw);
    }
}
