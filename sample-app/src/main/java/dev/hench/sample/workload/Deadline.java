package dev.hench.sample.workload;

import java.time.Duration;

/** When a workload should stop: after a duration on the monotonic clock, or never. */
public final class Deadline {

    private final long endNanos;
    private final boolean bounded;

    private Deadline(long endNanos, boolean bounded) {
        this.endNanos = endNanos;
        this.bounded = bounded;
    }

    /** Returns a deadline {@code duration} from now, or none when {@code duration} is null. */
    public static Deadline after(Duration duration) {
        if (duration == null) {
            return new Deadline(0, false);
        }
        return new Deadline(System.nanoTime() + duration.toNanos(), true);
    }

    public boolean passed() {
        return bounded && System.nanoTime() - endNanos >= 0;
    }
}
