package dev.hench.collector.budget;

import dev.hench.collector.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Budget source settings: the machine root, the cgroup, the reader and the comparison switch.
 *
 * <p>Keys: {@code budget.root} (default {@code /}: the directory under which /proc and /sys are
 * read), {@code budget.cgroup} ({@code self}, or a cgroup path in the memory hierarchy as
 * {@code /proc/PID/cgroup} prints it), {@code budget.os} ({@code auto}, {@code linux},
 * {@code macos}, {@code other}) and the comparison-only {@code budget.source}
 * ({@code cgroup}, or {@code host-only} to ignore cgroup limits).
 *
 * @param root       the machine's root directory
 * @param cgroupPath the cgroup path to read, or null for the process's own
 * @param os         the reader to use
 * @param hostOnly   true to ignore cgroup limits
 */
public record BudgetSettings(Path root, String cgroupPath, Os os, boolean hostOnly) {

    /** The families of readers. */
    public enum Os {
        LINUX, MACOS, OTHER;

        /** Returns the reader family for the running JVM. */
        public static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (name.contains("linux")) {
                return LINUX;
            }
            return name.contains("mac") ? MACOS : OTHER;
        }
    }

    /** Returns the settings of a collector that reads its own cgroup on the running OS. */
    public static BudgetSettings defaults() {
        return new BudgetSettings(Path.of("/"), null, Os.current(), false);
    }

    /** Reads the {@code budget.*} keys; problems are recorded in {@code settings}. */
    public static BudgetSettings from(Settings settings) {
        String rootText = settings.string("budget.root", "/");
        Path root = Path.of(rootText);
        if (!Files.isDirectory(root)) {
            settings.problem("budget.root", rootText, "must be an existing directory");
        }
        String cgroup = settings.string("budget.cgroup", "self");
        if (!cgroup.equals("self") && !cgroup.startsWith("/")) {
            settings.problem("budget.cgroup", cgroup, "must be 'self' or an absolute cgroup "
                    + "path such as /system.slice/workers.service");
        }
        Os os = parseOs(settings);
        String source = settings.string("budget.source", "cgroup");
        if (!source.equals("cgroup") && !source.equals("host-only")) {
            settings.problem("budget.source", source, "must be 'cgroup' or 'host-only' "
                    + "(host-only ignores container limits and exists only for comparisons)");
        }
        return new BudgetSettings(root, cgroup.equals("self") ? null : cgroup, os,
                source.equals("host-only"));
    }

    private static Os parseOs(Settings settings) {
        String text = settings.string("budget.os", "auto");
        if (text.equals("auto")) {
            return Os.current();
        }
        try {
            return Os.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            settings.problem("budget.os", text, "must be auto, linux, macos or other");
            return Os.current();
        }
    }
}
