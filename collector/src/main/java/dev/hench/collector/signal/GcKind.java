package dev.hench.collector.signal;

import java.util.Locale;

/**
 * How much of the heap a collection examined. Only {@link #MIXED}, {@link #OLD} and
 * {@link #FULL} collections leave a heap-after-GC value that approximates the live set; a
 * {@link #YOUNG} collection leaves old-generation garbage in place.
 */
public enum GcKind {
    YOUNG,
    MIXED,
    OLD,
    FULL;

    /** Returns true when heap after this collection is a trustworthy live-set floor. */
    public boolean reachesOldGeneration() {
        return this != YOUNG;
    }

    /** Parses the wire and CSV spelling (young, mixed, old, full), case-insensitively. */
    public static GcKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "gc kind was '" + text + "' but must be one of young, mixed, old, full", e);
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
