package dev.hench.collector.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class WorkerPeaksTest {

    @Test
    void medianOfReportedPeaks() {
        WorkerPeaks peaks = WorkerPeaks.medianOf(() -> LongStream.of(300, -1, 100, 0, 200));

        assertThat(peaks.typicalPeakRssBytes()).hasValue(200);
    }

    @Test
    void evenCountTakesUpperMiddle() {
        WorkerPeaks peaks = WorkerPeaks.medianOf(() -> LongStream.of(100, 400, 200, 300));

        assertThat(peaks.typicalPeakRssBytes()).hasValue(300);
    }

    @Test
    void noReportedPeakIsEmpty() {
        WorkerPeaks peaks = WorkerPeaks.medianOf(() -> LongStream.of(-1, 0));

        assertThat(peaks.typicalPeakRssBytes()).isEmpty();
    }
}
