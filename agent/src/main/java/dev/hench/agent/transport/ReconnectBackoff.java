package dev.hench.agent.transport;

import java.util.function.LongUnaryOperator;

/**
 * Capped exponential backoff with full jitter: before attempt {@code n} (counting failures since
 * the last success from 0) the delay is uniform in {@code [0, min(cap, base * 2^n))}. Full jitter
 * keeps a fleet of workers from reconnecting in lockstep after a collector restart.
 *
 * <p>Not thread-safe; the sender thread owns it.
 */
final class ReconnectBackoff {

    private final long baseMillis;
    private final long capMillis;
    private final LongUnaryOperator uniformBelow;
    private int failures;

    /**
     * @param uniformBelow returns a uniform random number in {@code [0, bound)} for a positive bound
     */
    ReconnectBackoff(long baseMillis, long capMillis, LongUnaryOperator uniformBelow) {
        this.baseMillis = baseMillis;
        this.capMillis = capMillis;
        this.uniformBelow = uniformBelow;
    }

    /** Records a failed attempt and returns how long to wait before the next one. */
    long nextDelayMillis() {
        long ceiling = ceilingMillis(failures);
        if (failures < 62) {
            failures++;
        }
        return uniformBelow.applyAsLong(ceiling);
    }

    void reset() {
        failures = 0;
    }

    long ceilingMillis(int failureCount) {
        int shift = Math.min(failureCount, 30);
        return Math.min(capMillis, baseMillis << shift);
    }
}
