package dev.hench.collector.leak;

import dev.hench.collector.alert.AlertState;
import dev.hench.collector.signal.WorkerKey;
import java.time.Instant;

/** Builds the one-sentence message of an alert transition from its verdict. */
final class AlertMessages {

    private AlertMessages() {
    }

    static String describe(WorkerKey worker, Verdict verdict, AlertState state,
            Instant believedSince) {
        StringBuilder text = new StringBuilder();
        text.append(worker).append(' ').append(verdict.source()).append(' ')
                .append(state.name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                .append(verdict.level().displayName()).append(": ").append(verdict.reason());
        if (verdict.slopeBytesPerMinute() != null) {
            text.append("; slope ").append(Format.mib(verdict.slopeBytesPerMinute()))
                    .append("/min (95% ").append(Format.mib(verdict.slopeLowBytesPerMinute()))
                    .append("..").append(Format.mib(verdict.slopeHighBytesPerMinute()))
                    .append(")");
        }
        if (verdict.floorBytes() != null) {
            text.append(", floor ").append(Format.mib(verdict.floorBytes()));
        }
        if (verdict.limitBytes() != null) {
            text.append(" of limit ").append(Format.mib(verdict.limitBytes()));
        }
        if (verdict.timeToLimit() != null) {
            text.append(", time to limit ").append(Format.duration(verdict.timeToLimit()));
        }
        if (verdict.evidenceSpan() != null) {
            text.append(", evidence ").append(Format.duration(verdict.evidenceSpan()));
        }
        text.append(", believed since ").append(believedSince);
        return text.toString();
    }
}
