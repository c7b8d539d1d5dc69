package dev.hench.collector.leak;

import dev.hench.collector.alert.Level;
import dev.hench.collector.alert.Signal;
import java.time.Duration;

/**
 * The detector's current opinion about one signal of one worker. Rates are bytes per minute;
 * a value that does not apply is null.
 *
 * @param signal the signal reported in alerts
 * @param source the series behind it: heap, metaspace, native, direct or gc (direct buffers are
 *     reported as the native signal)
 * @param level severity; {@link Level#INSUFFICIENT_DATA} until there is enough evidence
 * @param finding what the series shows
 * @param atMillis observation time of the fit
 * @param slopeBytesPerMinute Theil-Sen slope of the latest regime
 * @param slopeLowBytesPerMinute lower end of its 95% confidence interval
 * @param slopeHighBytesPerMinute upper end of its 95% confidence interval
 * @param floorBytes fitted floor at {@code atMillis}
 * @param limitBytes the limit the series grows toward, null when there is none
 * @param timeToLimit time until the floor reaches the limit at the upper slope bound
 * @param evidenceSpan span of the points behind the fit
 * @param boundBytes projected bound of a plateau
 * @param reason one sentence: why this level, or what evidence is missing
 */
public record Verdict(
        Signal signal,
        String source,
        Level level,
        Finding finding,
        long atMillis,
        Double slopeBytesPerMinute,
        Double slopeLowBytesPerMinute,
        Double slopeHighBytesPerMinute,
        Long floorBytes,
        Long limitBytes,
        Duration timeToLimit,
        Duration evidenceSpan,
        Long boundBytes,
        String reason) {

    /** Creates a verdict that only says what evidence is missing. */
    static Verdict insufficient(Signal signal, String source, long atMillis, String reason) {
        return new Verdict(signal, source, Level.INSUFFICIENT_DATA, Finding.UNKNOWN, atMillis,
                null, null, null, null, null, null, null, null, reason);
    }
}
