package dev.hench.collector.budget;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The memory budget of the place where workers run, as read at one moment, with the source of
 * every number. A budget whose sources could not be read is <em>unknown</em>: it carries the
 * reasons in {@link #unknownReasons()} and null numbers, and is never treated as "enough".
 *
 * @param os                {@code linux}, {@code macos} or the JVM's {@code os.name}
 * @param cgroupVersion     the hierarchy with the memory controller; {@code NONE} off Linux
 * @param cgroupDir         the process's (or the configured) memory cgroup, or null
 * @param degraded          true when the cgroup path was not found and the mount point was used
 * @param limit             the smallest limit from {@code cgroupDir} up to the mount, or null
 * @param limitingCgroupDir the level whose limit is {@code limit}, or null
 * @param workingSet        usage minus inactive file pages at the limiting level (at
 *                          {@code cgroupDir} without a limit), or null
 * @param available         the smallest headroom over the limited levels and the host
 * @param hostTotal         the machine's physical memory
 * @param levels            every cgroup level read, innermost first
 * @param psi               memory pressure stall information, or null without PSI
 * @param macPressure       the macOS memory pressure level, or null off macOS
 * @param notes             how the sources were chosen, for people reading the output
 * @param unknownReasons    why the budget is unknown; empty when it is known
 */
public record MemoryBudget(String os, CgroupVersion cgroupVersion, String cgroupDir,
        boolean degraded, Measured limit, String limitingCgroupDir, Measured workingSet,
        Measured available, Measured hostTotal, List<CgroupLevel> levels, Psi psi,
        MacPressure macPressure, List<String> notes, List<String> unknownReasons) {

    public MemoryBudget {
        levels = List.copyOf(levels);
        notes = List.copyOf(notes);
        unknownReasons = List.copyOf(unknownReasons);
    }

    /** Creates a budget that could not be read, for the given reason. */
    public static MemoryBudget unknown(String os, String reason, List<String> notes) {
        return new MemoryBudget(os, CgroupVersion.NONE, null, false, null, null, null, null,
                null, List.of(), null, null, notes, List.of(reason));
    }

    public boolean known() {
        return unknownReasons.isEmpty() && available != null && effectiveBudget() != null;
    }

    /** Returns the budget the used share is measured against: the limit, else the host total. */
    public Measured effectiveBudget() {
        return limit != null ? limit : hostTotal;
    }

    /** Returns the share of the effective budget in use, 1 - available / budget, in [0, 1]. */
    public OptionalDouble usedShare() {
        if (!known() || effectiveBudget().bytes() == 0) {
            return OptionalDouble.empty();
        }
        double share = 1.0 - (double) available.bytes() / effectiveBudget().bytes();
        return OptionalDouble.of(Math.max(0.0, Math.min(1.0, share)));
    }
}
