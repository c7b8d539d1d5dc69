package dev.hench.collector.budget;

/**
 * The macOS memory pressure level from {@code kern.memorystatus_vm_pressure_level}: 1 normal,
 * 2 warning, 4 critical (xnu's {@code NOTE_MEMORYSTATUS_PRESSURE_*} flags in sys/event.h).
 *
 * @param level  the raw sysctl value
 * @param source where it was read
 */
public record MacPressure(int level, String source) {

    public static final int NORMAL = 1;
    public static final int WARNING = 2;
    public static final int CRITICAL = 4;

    public String label() {
        return switch (level) {
            case NORMAL -> "normal";
            case WARNING -> "warning";
            case CRITICAL -> "critical";
            default -> "level " + level;
        };
    }
}
