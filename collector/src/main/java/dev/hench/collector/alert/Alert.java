package dev.hench.collector.alert;

import dev.hench.collector.signal.WorkerKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One transition of one alert. All transitions of an alert share its {@code id}.
 *
 * <p>Rates are bytes per minute with the bounds of their confidence interval; a rate, floor,
 * limit or duration that does not apply is null.
 *
 * @param id stable id shared by the raised, updated and resolved transitions
 * @param worker the worker series the alert is about
 * @param signal which memory signal
 * @param level severity after this transition
 * @param state raised, updated or resolved
 * @param at when the detector made this transition (observation time, not wall time)
 * @param slopeBytesPerMinute estimated growth rate
 * @param slopeLowBytesPerMinute lower bound of the rate's confidence interval
 * @param slopeHighBytesPerMinute upper bound of the rate's confidence interval
 * @param floorBytes current floor of the signal
 * @param limitBytes the limit the signal grows toward
 * @param timeToLimit projected time until the floor reaches the limit, pessimistic
 * @param evidenceSpan span of data behind the verdict
 * @param believedSince when the detector first held this verdict
 * @param message one human-readable sentence
 * @param suspects classes or allocation sites that the worker reported, best first
 */
public record Alert(
        String id,
        WorkerKey worker,
        Signal signal,
        Level level,
        AlertState state,
        Instant at,
        Double slopeBytesPerMinute,
        Double slopeLowBytesPerMinute,
        Double slopeHighBytesPerMinute,
        Long floorBytes,
        Long limitBytes,
        Duration timeToLimit,
        Duration evidenceSpan,
        Instant believedSince,
        String message,
        List<String> suspects) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(at, "at");
        suspects = suspects == null ? List.of() : List.copyOf(suspects);
    }
}
