package dev.hench.collector.leak;

/**
 * Estimates of array sizes on a 64-bit HotSpot JVM with compressed class pointers: a 16-byte
 * header, elements, padding to 8 bytes. Used to state the detector's memory per worker.
 */
final class ArraySizes {

    private static final long HEADER = 16;

    private ArraySizes() {
    }

    static long floats(int length) {
        return align(HEADER + 4L * length);
    }

    static long ints(int length) {
        return align(HEADER + 4L * length);
    }

    static long longs(int length) {
        return align(HEADER + 8L * length);
    }

    static long doubles(int length) {
        return align(HEADER + 8L * length);
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
