package dev.hench.collector.admission;

import java.util.Locale;

/** Formats byte counts and shares for reasons and log lines: {@code 1.5 GiB}, {@code 83 %}. */
final class ByteText {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteText() {
    }

    static String bytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B"
                : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }
}
