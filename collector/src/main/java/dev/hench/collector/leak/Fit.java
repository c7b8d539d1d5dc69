package dev.hench.collector.leak;

/**
 * A line fitted to heap floors.
 *
 * @param slopeBytesPerMilli least-squares slope
 * @param fittedLastBytes the line's value at the newest floor
 * @param riseBytes the line's rise from the oldest to the newest floor
 * @param tau Kendall's tau of the floors in time order, from -1 (always falling) to 1 (always
 *     rising)
 */
record Fit(double slopeBytesPerMilli, double fittedLastBytes, double riseBytes, double tau) {

    double slopeMiBPerMinute() {
        return slopeBytesPerMilli * 60_000 / (1024.0 * 1024.0);
    }
}
