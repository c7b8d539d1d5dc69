package dev.hench.collector.leak;

import java.time.Duration;
import java.util.Locale;

/** Short human-readable forms of byte counts and durations for verdicts and alert messages. */
public final class Format {

    private static final double MIB = 1024.0 * 1024.0;

    private Format() {
    }

    /** Formats bytes as MiB with up to two decimals, for example {@code 12.5 MiB}. */
    public static String mib(double bytes) {
        double mib = bytes / MIB;
        String pattern = Math.abs(mib) >= 100 ? "%.0f MiB" : Math.abs(mib) >= 1 ? "%.1f MiB"
                : "%.2f MiB";
        return String.format(Locale.ROOT, pattern, mib);
    }

    /** Formats a duration as {@code 1d 2h}, {@code 3h 5m}, {@code 4m 10s} or {@code 9s}. */
    public static String duration(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds >= 86_400) {
            return seconds / 86_400 + "d " + seconds % 86_400 / 3600 + "h";
        }
        if (seconds >= 3600) {
            return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
        }
        if (seconds >= 60) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return seconds + "s";
    }
}
