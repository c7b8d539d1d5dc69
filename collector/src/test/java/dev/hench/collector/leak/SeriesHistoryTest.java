package dev.hench.collector.leak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesHistoryTest {

    private static final long MINUTE = 60_000;

    @Test
    void recentSpanReadsRawPoints() {
        SeriesHistory history = new SeriesHistory();
        for (int second = 0; second < 600; second++) {
            history.add(second * 1000L, second);
        }
        FitPoints points = new FitPoints(60);
        history.floorPoints(300_000, points);
        assertThat(points.size()).isEqualTo(60);
        assertThat(points.value(0)).isEqualTo(300.0);
        assertThat(points.timeMillis(59)).isLessThanOrEqualTo(599_000);
    }

    @Test
    void hoursOldSpanReadsMinuteMinima() {
        SeriesHistory history = new SeriesHistory();
        for (long second = 0; second < 3 * 3600; second += 10) {
            history.add(second * 1000, 1000 + (second % 60));
        }
        FitPoints points = new FitPoints(60);
        history.floorPoints(0, points);
        assertThat(points.size()).isEqualTo(60);
        for (int i = 0; i < points.size(); i++) {
            assertThat(points.value(i)).isEqualTo(1000.0);
        }
        assertThat(history.minuteBucket(90 * MINUTE)).containsExactly(1000.0, 1050.0, 1025.0);
    }

    @Test
    void daysOldSpanReadsQuarterHourBuckets() {
        SeriesHistory history = new SeriesHistory();
        for (long minute = 0; minute < 4 * 24 * 60; minute++) {
            history.add(minute * MINUTE, minute);
        }
        FitPoints points = new FitPoints(60);
        history.floorPoints(0, points);
        assertThat(points.size()).isEqualTo(60);
        assertThat(points.value(0)).isEqualTo(0.0);
        assertThat(history.minuteBucket(0)).isNull();
        assertThat(history.quarterBucket(0)).containsExactly(0.0, 14.0, 7.0);
    }

    @Test
    void peakIsExactAcrossResolutions() {
        SeriesHistory history = new SeriesHistory();
        for (long second = 0; second < 7200; second++) {
            history.add(second * 1000, second == 100 ? 123_456_789.0 : 5.0);
        }
        assertThat(history.peakValue()).isEqualTo(123_456_789.0);
        assertThat(history.peakTimeMillis()).isEqualTo(100_000);
    }

    @Test
    void memoryIsFixedWhateverTheHistoryLength() {
        SeriesHistory history = new SeriesHistory();
        long empty = history.retainedBytes();
        for (long second = 0; second < 7 * 24 * 3600; second += 5) {
            history.add(second * 1000, second);
        }
        assertThat(history.retainedBytes()).isEqualTo(empty);
        assertThat(empty).isLessThan(128 * 1024);
    }
}
